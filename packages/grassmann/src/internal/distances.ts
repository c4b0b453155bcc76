// Distances between subspaces as functions of their principal angles (Edelman, Arias & Smith
// 1998, §4.3; Hamm & Lee 2008, "Grassmann discriminant analysis").

/** The kinds of {@link distanceFromAngles} (the public type is GrassmannDistanceKind). */
export type DistanceKind = 'geodesic' | 'chordal' | 'projection' | 'binetCauchy';

/** The distance of the given kind from the principal angles. */
export function distanceFromAngles(theta: Float64Array, kind: DistanceKind): number {
  let s = 0;
  switch (kind) {
    case 'geodesic':
      for (const t of theta) s += t * t;
      return Math.sqrt(s);
    case 'chordal':
      for (const t of theta) s += 4 * Math.sin(t / 2) ** 2;
      return Math.sqrt(s);
    case 'projection':
      for (const t of theta) s += Math.sin(t) ** 2;
      return Math.sqrt(s);
    default:
      // log ∏ cos² θ, each factor in the form that keeps its accuracy: log1p(−sin² θ) for
      // small angles, 2 log cos θ near π/2
      for (const t of theta)
        s += t < Math.PI / 4 ? Math.log1p(-(Math.sin(t) ** 2)) : 2 * Math.log(Math.cos(t));
      return Math.sqrt(-Math.expm1(s));
  }
}

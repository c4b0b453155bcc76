// The numbers behind the SPD-metrics demo, shared by the page and the Node test: 2×2 SPD
// matrices drawn as ellipses, the geodesic between two of them and the Fréchet mean of a
// small sample under a metric picked by name (pyRiemann's names, resolved by @rg/spd).
import { eigh, fromRows, type Matrix, randomSPD, rng } from '@rg/linalg';
import { frechetMean, type MetricName, resolveMetric } from '@rg/spd';

/** The metrics offered by the page, by the names users type. */
export const METRICS: readonly { name: MetricName; label: string }[] = [
  { name: 'riemann', label: 'affine-invariant (riemann)' },
  { name: 'logeuclid', label: 'log-Euclidean (logeuclid)' },
  { name: 'logchol', label: 'log-Cholesky (logchol)' },
  { name: 'wasserstein', label: 'Bures–Wasserstein (wasserstein)' },
  { name: 'euclid', label: 'Euclidean (euclid)' },
];

/** A symmetric 2×2 matrix [[a, b], [b, c]] as [a, b, c]. */
export type Sym2 = [number, number, number];

/** An ellipse {x : xᵀP⁻¹x = 1}: semi-axes √λ along the eigenvectors of P. */
export interface Ellipse {
  rx: number;
  ry: number;
  /** rotation of the rx axis, degrees counter-clockwise */
  angle: number;
}

const toMatrix = ([a, b, c]: Sym2): Matrix =>
  fromRows([
    [a, b],
    [b, c],
  ]);
const toSym2 = (m: Matrix): Sym2 => [m.data[0], m.data[1], m.data[3]];

/** R(θ) diag(λ₁, λ₂) R(θ)ᵀ. */
export function fromAxes(l1: number, l2: number, theta: number): Sym2 {
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  return [l1 * c * c + l2 * s * s, (l1 - l2) * c * s, l1 * s * s + l2 * c * c];
}

/** The ellipse that draws P (eigh of @rg/linalg). */
export function ellipseOf(p: Sym2): Ellipse {
  const { values, vectors } = eigh(toMatrix(p));
  // largest eigenvalue last; its eigenvector is the second column
  const vx = vectors.data[1];
  const vy = vectors.data[3];
  return {
    rx: Math.sqrt(values[1]),
    ry: Math.sqrt(values[0]),
    angle: (Math.atan2(vy, vx) * 180) / Math.PI,
  };
}

/** What the page starts from: the geodesic's ends A, B and a sample of five matrices. */
export interface SpdInput {
  a: Sym2;
  b: Sym2;
  sample: Sym2[];
}

/** A and B with crossing long axes (where the metrics disagree most) and a seeded sample. */
export function initialInput(seed: number, bAngle = -0.9): SpdInput {
  const r = rng(seed);
  const sample: Sym2[] = [];
  for (let k = 0; k < 5; k++) {
    const scale = Math.exp(0.6 * r.normal());
    const m = toSym2(randomSPD(2, r, { condition: 12 }));
    sample.push([scale * m[0], scale * m[1], scale * m[2]]);
  }
  return { a: fromAxes(2.4, 0.12, 0.35), b: fromAxes(1.5, 0.2, bAngle), sample };
}

/** The metric's geodesic A → B at `steps + 1` points, d(A, B) and the sample's Fréchet mean. */
export interface SpdScene {
  metric: MetricName;
  geodesic: Sym2[];
  distance: number;
  mean: Sym2;
  meanIterations: number;
  meanConverged: boolean;
  /** the arithmetic mean, drawn for reference */
  arithmetic: Sym2;
}

export function spdScene(metric: MetricName, input: SpdInput, steps = 6): SpdScene {
  const m = resolveMetric('spdScene', metric);
  const A = toMatrix(input.a);
  const B = toMatrix(input.b);
  const geodesic: Sym2[] = [];
  for (let k = 0; k <= steps; k++) geodesic.push(toSym2(m.geodesic(A, B, k / steps)));
  const points = input.sample.map(toMatrix);
  const mean = frechetMean(points, metric);
  const arithmetic = toSym2(frechetMean(points, 'euclid').mean);
  return {
    metric,
    geodesic,
    distance: m.distance(A, B),
    mean: toSym2(mean.mean),
    meanIterations: mean.iterations,
    meanConverged: mean.converged,
    arithmetic,
  };
}

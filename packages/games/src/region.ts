// The compact region on which a certificate's curvature and coupling bounds are taken.

/**
 * A region of the joint strategy space: a box `{ lower, upper }` or a ball `{ center, radius }`
 * (both over all dim coordinates). Certificates sample it and project the samples onto the
 * strategy sets.
 */
export type Region =
  | { lower: ArrayLike<number>; upper: ArrayLike<number> }
  | { center: ArrayLike<number>; radius: number };

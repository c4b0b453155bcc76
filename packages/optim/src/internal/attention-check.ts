// Boundary validation of an attention problem and its optimal tokens, shared by the attention
// functions.
import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import type { AttentionProblem } from '../attention-problem.js';

/** the sizes of a validated problem */
export interface AttentionSizes {
  readonly n: number;
  readonly d: number;
}

/** validate an AttentionProblem once (shapes, finiteness, labels) */
export function checkAttentionProblem(fn: string, p: AttentionProblem): AttentionSizes {
  if (!p || typeof p !== 'object' || !Array.isArray(p.X) || !Array.isArray(p.z))
    throw new ShapeError(`${fn}(): problem must be { X: Matrix[], z: Float64Array[], y, v }`);
  const n = p.X.length;
  if (n < 1) throw new ShapeError(`${fn}(): problem.X must hold at least one sample`);
  if (!(p.v instanceof Float64Array) || p.v.length < 1)
    throw new ShapeError(`${fn}(): problem.v must be a non-empty Float64Array`);
  const d = p.v.length;
  if (p.z.length !== n || !(p.y instanceof Float64Array) || p.y.length !== n)
    throw new ShapeError(`${fn}(): problem.z and problem.y must have one entry per sample (${n})`);
  const finite = (a: Float64Array, what: string) => {
    for (let k = 0; k < a.length; k++)
      if (!Number.isFinite(a[k]))
        throw new InvalidArgumentError(`${fn}(): ${what} has a non-finite entry at index ${k}`);
  };
  finite(p.v, 'problem.v');
  for (let i = 0; i < n; i++) {
    const x = p.X[i];
    if (
      !x ||
      x.cols !== d ||
      x.rows < 2 ||
      !(x.data instanceof Float64Array) ||
      x.data.length !== x.rows * d
    )
      throw new ShapeError(
        `${fn}(): problem.X[${i}] must be a T×${d} Matrix with T ≥ 2 (got ${x?.rows}×${x?.cols})`,
      );
    finite(x.data, `problem.X[${i}]`);
    const zi = p.z[i];
    if (!(zi instanceof Float64Array) || zi.length !== d)
      throw new ShapeError(`${fn}(): problem.z[${i}] must be a Float64Array of length ${d}`);
    finite(zi, `problem.z[${i}]`);
    if (p.y[i] !== 1 && p.y[i] !== -1)
      throw new InvalidArgumentError(`${fn}(): problem.y[${i}] must be 1 or -1 (got ${p.y[i]})`);
  }
  return { n, d };
}

/** optimal tokens of a validated problem */
export function optimalIndices(p: AttentionProblem, n: number, d: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = p.X[i];
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < x.rows; t++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x.data[t * d + j] * p.v[j];
      s *= p.y[i];
      if (s > bestScore) {
        bestScore = s;
        best = t;
      }
    }
    out.push(best);
  }
  return out;
}

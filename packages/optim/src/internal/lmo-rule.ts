// Steps along the linear minimization oracle (LMO) of a norm ball applied to the momentum
// (Pethick et al. 2025, "Training deep learning models with norm-constrained LMOs"; Bernstein &
// Newhouse 2024, "Old optimizer, new norm"): sign descent for ℓ∞, spectral descent / Muon for
// the spectral norm.
import { svd } from '@rg/linalg/kernels';
import type { Manifold } from '../manifold.js';
import type { Matrix } from '@rg/linalg';
import type { Slot, UpdateRule } from './engine.js';
import { newtonSchulzInto } from './newton-schulz-kernel.js';

/**
 * d ↦ the direction D with ‖D‖ ≤ 1 maximizing ⟨d, D⟩ (the optimizer steps along −D), written
 * into `out`; `rows`×`cols` is the parameter's shape.
 */
export type Lmo = (rows: number, cols: number, d: Float64Array, out: Float64Array) => void;

/** sign(d): the maximizer of ⟨d, D⟩ over the ℓ∞ unit ball (0 where d is 0) */
export const signLmo: Lmo = (_rows, _cols, d, out) => {
  for (let i = 0; i < d.length; i++) out[i] = d[i] > 0 ? 1 : d[i] < 0 ? -1 : 0;
};

/** Newton–Schulz's approximation of the polar factor (the spectral-norm LMO) */
export function newtonSchulzLmo(coefficients: Float64Array): Lmo {
  return (rows, cols, d, out) => newtonSchulzInto(rows, cols, d, out, coefficients);
}

/**
 * The exact spectral-norm LMO U_r V_rᵀ from an SVD, over the singular values above
 * max(rows, cols)·ε·s₀ (the LMO is not unique on the null space; this picks 0 there).
 */
export const svdLmo: Lmo = (rows, cols, d, out) => {
  const k = Math.min(rows, cols);
  const s = new Float64Array(k);
  const u = new Float64Array(rows * k);
  const v = new Float64Array(cols * k);
  out.fill(0, 0, rows * cols);
  if (!svd(rows, cols, d, s, { u, v }) || s[0] === 0) return;
  const cut = Math.max(rows, cols) * Number.EPSILON * s[0];
  for (let l = 0; l < k; l++) {
    if (!(s[l] > cut)) break;
    for (let i = 0; i < rows; i++) {
      const ui = u[i * k + l];
      if (ui === 0) continue;
      for (let j = 0; j < cols; j++) out[i * cols + j] += ui * v[j * k + l];
    }
  }
};

export interface LmoSettings {
  readonly kind: string;
  readonly lmo: Lmo;
  /** the step multiplier of a rows×cols parameter (Muon's shape factor; 1 otherwise) */
  readonly scale: (rows: number, cols: number) => number;
  readonly momentum: number;
  readonly nesterov: boolean;
  /** decoupled weight decay: x ← (1 − lr·λ)·x before the step */
  readonly weightDecay: number;
}

/** the momentum direction of one step: buf ← μ·buf + g (buf = g at first), then buf or g + μ·buf */
function momentumDirection(
  s: LmoSettings,
  slot: Slot,
  g: Float64Array,
  work: Float64Array,
): Float64Array {
  const { momentum, nesterov } = s;
  if (momentum === 0) return g;
  const n = g.length;
  if (slot.moment === null) slot.moment = g.slice();
  else {
    const buf = slot.moment;
    for (let i = 0; i < n; i++) buf[i] = momentum * buf[i] + g[i];
  }
  if (!nesterov) return slot.moment;
  const buf = slot.moment;
  for (let i = 0; i < n; i++) work[i] = g[i] + momentum * buf[i];
  return work;
}

/** The update rule of an LMO optimizer (the parameters of one `step` share lr). */
export function lmoRule(s: LmoSettings): Pick<UpdateRule, 'flat' | 'curved'> {
  return {
    flat(slot: Slot, x: Float64Array, g: Float64Array, eta: number): void {
      const n = x.length;
      const work = new Float64Array(n);
      const d = momentumDirection(s, slot, g, work);
      const dir = new Float64Array(n);
      s.lmo(slot.rows, slot.cols, d, dir);
      const step = eta * s.scale(slot.rows, slot.cols);
      if (s.weightDecay !== 0) {
        const decay = 1 - eta * s.weightDecay;
        for (let i = 0; i < n; i++) x[i] = decay * x[i] - step * dir[i];
      } else for (let i = 0; i < n; i++) x[i] -= step * dir[i];
    },
    curved(slot: Slot, manifold: Manifold, x: Matrix, egrad: Matrix, eta: number): Matrix {
      const xi = manifold.riemannianGradient(x, egrad);
      const n = xi.data.length;
      const work = new Float64Array(n);
      const d = momentumDirection(s, slot, xi.data, work);
      // the momentum buffer is a tangent vector at x: keep it for the transport below
      const buffer = slot.moment;
      const raw = new Float64Array(n);
      s.lmo(x.rows, x.cols, d, raw);
      const dir = manifold.projectTangent(x, { rows: x.rows, cols: x.cols, data: raw });
      const step = -eta * s.scale(x.rows, x.cols);
      const v = new Float64Array(n);
      for (let i = 0; i < n; i++) v[i] = step * dir.data[i];
      if (s.weightDecay !== 0) {
        const w = manifold.weightDecay
          ? manifold.weightDecay(x)
          : manifold.riemannianGradient(x, x);
        for (let i = 0; i < n; i++) v[i] -= eta * s.weightDecay * w.data[i];
      }
      const next = manifold.retract(x, { rows: x.rows, cols: x.cols, data: v });
      if (buffer)
        slot.moment = manifold.transport(x, next, {
          rows: x.rows,
          cols: x.cols,
          data: buffer,
        }).data;
      return next;
    },
  };
}

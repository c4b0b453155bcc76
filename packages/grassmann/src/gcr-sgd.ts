// The Riemannian SGD of Grassmann class representation (Wang, Li & Zhang 2023, "Rethinking
// classification with Grassmann class representation" (GCR), Algorithm 1): a Euclidean momentum
// buffer, its horizontal projection at the current point, a geodesic step, and a periodic QR
// re-orthonormalization; other parameters get @rg/optim's sgd with the same options. The rule
// runs on optim's engine (defineOptimizer): validation, per-name state, schedules, checkpoints.
import { checkInteger, checkOptions, type Matrix } from '@rg/linalg';
import {
  defineOptimizer,
  type Optimizer,
  type Schedule,
  sgdRule,
  type UpdateRule,
} from '@rg/optim';
import { geodesicStepInto } from './internal/geodesic-step.js';
import { isGrassmann } from './internal/registry.js';
import { scratch } from './internal/scratch.js';
import { thinQ } from './internal/thin-qr.js';

/** Options of {@link gcrSgd}. */
export interface GcrSgdOptions {
  /** step size or schedule (default 0.01), shared by every parameter */
  lr?: number | Schedule;
  /** momentum coefficient μ in [0, 1) (default 0.9, the GCR paper's) */
  momentum?: number;
  /** re-orthonormalize each class basis by QR every this many of its steps (default 5) */
  reorthonormalizeEvery?: number;
  /**
   * weight decay for the parameters that are not on a Grassmann manifold (passed to the core
   * sgd; default 0). Bases on a Grassmann manifold have constant norm and get none.
   */
  weightDecay?: number;
  /** Nesterov momentum for the parameters that are not on a Grassmann manifold (default false) */
  nesterov?: boolean;
}

/**
 * The optimizer of the GCR paper. For every parameter whose manifold came from
 * {@link grassmann} (a class basis S, n×k), with G its Euclidean gradient:
 * `B ← μB + G` (`B ← G` on its first step; the buffer stays Euclidean and is never
 * transported), the direction is its horizontal projection Δ = B − S(SᵀB), the step follows the
 * geodesic, `S ← Exp_S(−lr·Δ) = (S V cos(lr Σ) − U sin(lr Σ)) Vᵀ` for the thin SVD Δ = UΣVᵀ, and
 * every `reorthonormalizeEvery` steps S is replaced by the Q factor of its QR (the subspace is
 * unchanged; rounding drift is removed). All other parameters (the backbone) are updated by
 * @rg/optim's `sgd` with the same `lr`, `momentum`, `weightDecay` and `nesterov`, so one
 * optimizer trains the whole model, as in the paper. The logits γ‖Sᵀx̂‖ depend only on span(S),
 * so the geodesic step is the natural one.
 *
 * `state()`/`loadState()` checkpoint both kinds of parameters as JSON.
 *
 * @param options - lr, momentum, reorthonormalizeEvery, weightDecay, nesterov
 * @throws {InvalidArgumentError} on a bad option; `step` throws ShapeError, NonFiniteError or
 *   InvalidArgumentError on a bad parameter (a class basis that is not orthonormal, a gradient
 *   of the wrong size)
 * @example
 * import { fromRows } from '@rg/linalg';
 * const gr = grassmann(2, 1);
 * // maximize (sᵀe₂)², i.e. minimize −(sᵀe₂)²: the line turns toward e₂
 * const s = { name: 's', value: fromRows([[0.8], [0.6]]), manifold: gr };
 * const opt = gcrSgd({ lr: 0.2, momentum: 0.5 });
 * for (let i = 0; i < 60; i++) {
 *   s.grad = fromRows([[0], [-2 * s.value.data[1]]]);
 *   opt.step([s]);
 * }
 * Math.abs(s.value.data[1]) // => ~1.000000
 */
export function gcrSgd(options: GcrSgdOptions = {}): Optimizer {
  const fn = 'gcrSgd';
  const o = checkOptions(fn, 'options', options);
  const momentum = o.momentum ?? 0.9;
  // the core's sgd rule checks momentum, weightDecay and nesterov, naming gcrSgd
  const core = sgdRule({
    fn,
    momentum,
    weightDecay: o.weightDecay ?? 0,
    nesterov: o.nesterov ?? false,
  });
  const every = checkInteger(fn, 'reorthonormalizeEvery', o.reorthonormalizeEvery ?? 5, 1);
  const rule: UpdateRule = {
    ...core,
    kind: 'gcr-sgd',
    curved(slot, manifold, x, egrad, lr, step): Matrix {
      if (!isGrassmann(manifold)) return core.curved(slot, manifold, x, egrad, lr, step);
      const { rows: n, cols: k } = x;
      const len = n * k;
      const g = egrad.data;
      // B ← μB + G (B ← G on the first step): Euclidean, never projected nor transported
      let buf = slot.moment;
      if (!buf) {
        buf = g.slice();
        slot.moment = buf;
      } else for (let i = 0; i < len; i++) buf[i] = momentum * buf[i] + g[i];
      const next = geodesicStepInto(n, k, x.data, buf, -lr, scratch('gcr.next', len));
      const data = slot.t % every === 0 ? thinQ(n, k, next, scratch('gcr.q', len)) : next;
      return { rows: n, cols: k, data };
    },
  };
  return defineOptimizer({ fn, rule, lr: o.lr ?? 0.01 });
}

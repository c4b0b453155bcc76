// Muon: momentum orthogonalized by Newton–Schulz for matrix parameters, AdamW for the rest
// (Jordan et al. 2024, "Muon: an optimizer for hidden layers in neural networks"; the RMS-matched
// scale of Liu et al. 2025, "Muon is scalable for LLM training").
import {
  checkOptions,
  checkFunction,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
} from '@rg/linalg';
import { adamRule, adamSettings } from './internal/adam-rule.js';
import {
  createOptimizer,
  resolveLearningRate,
  type Slot,
  type UpdateRule,
} from './internal/engine.js';
import { momentumSettings } from './internal/lmo-options.js';
import { lmoRule, newtonSchulzLmo } from './internal/lmo-rule.js';
import type { Manifold } from './manifold.js';
import type { NewtonSchulzOptions } from './newton-schulz.js';
import { newtonSchulzCoefficients } from './newton-schulz.js';
import type { Optimizer } from './optimizer.js';
import type { Schedule } from './schedules.js';

/** Options of {@link muon}. */
export interface MuonOptions extends NewtonSchulzOptions {
  /** step size or schedule of the Muon (matrix) parameters (default 0.02) */
  lr?: number | Schedule;
  /** momentum μ in [0, 1) (default 0.95) */
  momentum?: number;
  /** orthogonalize g + μ·buf instead of buf (default true) */
  nesterov?: boolean;
  /** decoupled weight decay λ ≥ 0 of the Muon parameters (default 0) */
  weightDecay?: number;
  /**
   * the step multiplier of an m×n matrix: 'shape' (default, Jordan et al.):
   * √max(1, m/n); 'rms' (Liu et al.): 0.2·√max(m, n), which gives the update the RMS of a typical
   * AdamW update so that both groups can share lr and weightDecay
   */
  scale?: 'shape' | 'rms';
  /**
   * the AdamW settings of the parameters Muon does not orthogonalize: lr (a number or a
   * schedule of the optimizer's step count; default: the Muon lr's schedule), beta1 (0.9),
   * beta2 (0.95), eps (1e-8), weightDecay (default: the Muon weightDecay)
   */
  adam?: {
    lr?: number | Schedule;
    beta1?: number;
    beta2?: number;
    eps?: number;
    weightDecay?: number;
  };
  /**
   * which parameters go to AdamW instead (default: vectors, i.e. one row or one column, and
   * names containing "embed"; pass e.g. `(name, v) => v.rows === 1 || v.cols === 1 ||
   * /embed|head/.test(name)` to keep the output layer on AdamW too, as Jordan et al. advise)
   */
  useAdam?: (name: string, value: Matrix) => boolean;
}

const defaultUseAdam = (name: string, value: Matrix): boolean =>
  value.rows === 1 || value.cols === 1 || /embed/i.test(name);

/**
 * Muon: SGD with Nesterov momentum whose update of each hidden weight matrix is orthogonalized
 * by {@link newtonSchulz}: buf ← μ·buf + g, D = NS₅(g + μ·buf), W ← (1 − lr·λ)·W − lr·s·D
 * with the shape factor s = √max(1, m/n) (or 0.2·√max(m, n) with `scale: 'rms'`). D approximates
 * the spectral-norm LMO UVᵀ of the momentum, so Muon is spectral descent with momentum.
 * Vectors (biases, gains) and embeddings are not matrices of a linear map between hidden
 * features: as in Muon's reference implementation they are updated by AdamW (decoupled decay),
 * selected by `useAdam`. Both groups keep their state per parameter name in one checkpoint.
 *
 * @param options - lr, momentum, nesterov, weightDecay, scale, steps, coefficients, adam,
 *   useAdam
 * @throws {InvalidArgumentError} on lr ≤ 0, momentum outside [0, 1), an unknown scale, bad
 *   Newton–Schulz or Adam options, or a `useAdam` that is not a function
 * @example
 * import { fromRows, svd } from '@rg/linalg';
 * const opt = muon({ lr: 0.1 });
 * const w = { name: 'W', value: fromRows([[0, 0], [0, 0]]), grad: fromRows([[4, 0], [0, 1]]) };
 * const b = { name: 'b', value: fromRows([[0, 0]]), grad: fromRows([[1, -2]]) };
 * opt.step([w, b]);
 * // W moved by lr times an orthogonalized direction: singular values in [0.068, 0.121]
 * svd(w.value).s.every((s) => s > 0.068 && s < 0.121) // => true
 * b.value // => ~[[-0.1, 0.1]]
 */
export function muon(options: MuonOptions = {}): Optimizer {
  const fn = 'muon';
  checkOptions(fn, 'options', options);
  const lr = resolveLearningRate(fn, options.lr ?? 0.02);
  const m = momentumSettings(fn, options, { momentum: 0.95, nesterov: true });
  const scaleKind = options.scale ?? 'shape';
  if (scaleKind !== 'shape' && scaleKind !== 'rms')
    throw new InvalidArgumentError(
      `${fn}(): scale must be 'shape' or 'rms' (got ${String(scaleKind)})`,
    );
  const scale =
    scaleKind === 'shape'
      ? (rows: number, cols: number) => Math.sqrt(Math.max(1, rows / cols))
      : (rows: number, cols: number) => 0.2 * Math.sqrt(Math.max(rows, cols));
  const adamOptions = options.adam ?? {};
  if (adamOptions === null || typeof adamOptions !== 'object')
    throw new InvalidArgumentError(`${fn}(): adam must be an object of AdamW settings`);
  const adamLr = adamOptions.lr === undefined ? lr : resolveLearningRate(fn, adamOptions.lr);
  const adamWeightDecay = checkPositive(
    fn,
    'adam.weightDecay',
    adamOptions.weightDecay ?? m.weightDecay,
    true,
  );
  const adam = adamRule('muon', {
    ...adamSettings(fn, { ...adamOptions, beta2: adamOptions.beta2 ?? 0.95 }),
    weightDecay: adamWeightDecay,
  });
  const useAdam = options.useAdam ?? defaultUseAdam;
  checkFunction(fn, 'useAdam', useAdam, '(name, value) => boolean');
  const orthogonal = lmoRule({
    kind: 'muon',
    lmo: newtonSchulzLmo(newtonSchulzCoefficients(fn, options)),
    scale,
    ...m,
  });
  const adamGroup = (slot: Slot, value: Matrix): boolean => useAdam(slot.name, value) === true;
  // the Adam group's rate for the current step, checked before any parameter moves
  let adamEta = 0;
  const rule: UpdateRule = {
    kind: 'muon',
    secondMoment: true,
    maxSecondMoment: false,
    prepare(where, step) {
      const r = adamLr(step);
      if (typeof r !== 'number' || !(r >= 0) || !Number.isFinite(r))
        throw new InvalidArgumentError(
          `${where}(): the adam learning-rate schedule returned ${String(r)} at step ${step} (must be a finite number ≥ 0)`,
        );
      adamEta = r;
    },
    flat(slot, x, g, eta, step) {
      if (adamGroup(slot, { rows: slot.rows, cols: slot.cols, data: x }))
        adam.flat(slot, x, g, adamEta, step);
      else orthogonal.flat(slot, x, g, eta, step);
    },
    curved(slot: Slot, manifold: Manifold, x: Matrix, egrad: Matrix, eta: number, step: number) {
      return adamGroup(slot, x)
        ? adam.curved(slot, manifold, x, egrad, adamEta, step)
        : orthogonal.curved(slot, manifold, x, egrad, eta, step);
    },
  };
  return createOptimizer(fn, 'muon', lr, rule, undefined);
}

// Noise-adaptive layerwise learning rates for LMO optimizers: each layer's gradient noise is
// estimated online in the dual norm of the optimizer's LMO and scales that layer's step (the
// idea of "Noise-Adaptive Layerwise Learning Rates: Accelerating Geometry-Aware Optimization for
// Deep Neural Network Training", 2025, whose exact rule is not public; the estimator and rule
// here follow from the descent bound of an LMO step along a momentum average).
import {
  checkOptions,
  checkFunction,
  checkInRange,
  InvalidArgumentError,
  type Matrix,
} from '@rg/linalg';
import { svd } from '@rg/linalg/kernels';
import type { Optimizer, OptimizerState } from './optimizer.js';
import type { Parameter } from './parameter.js';

/** The norm whose LMO the wrapped optimizer steps along; the estimator works in its dual. */
export type LmoNorm = 'spectral' | 'linf' | 'frobenius';

/** Options of {@link noiseAdaptive}. */
export interface NoiseAdaptiveOptions {
  /**
   * the LMO norm of the wrapped optimizer (default: 'spectral' for muon and spectral descent,
   * 'linf' for sign descent, else 'frobenius'); the noise is measured in its dual norm:
   * nuclear, ℓ1 or Frobenius
   */
  norm?: LmoNorm;
  /** decay β in [0, 1) of the gradient and noise averages (default 0.95) */
  beta?: number;
  /** the smallest rate factor, in (0, 1] (default 0.05) */
  minFactor?: number;
  /** which parameters get a layerwise rate (default: all); the others step at the base rate */
  layers?: (name: string, value: Matrix) => boolean;
  /**
   * groups of layers (a key per parameter, e.g. by role or shape): when given, the factors of
   * the layers of a group that step together are divided by their mean, so that within a group
   * the rate is redistributed from noisy to clean layers (mean factor 1) instead of only
   * lowered; each normalized factor is capped at `maxFactor`
   */
  group?: (name: string, value: Matrix) => string;
  /** the cap of normalized factors, ≥ 1 (default 3; only with `group`) */
  maxFactor?: number;
}

/** One layer's running statistics. */
interface LayerStats {
  t: number;
  mean: Float64Array;
  noiseSq: number;
  noiseWeight: number;
  /** φ from the rule */
  factor: number;
  /** the factor applied at the last step (φ, or φ normalized within its group) */
  applied: number;
}

/** A wrapped optimizer that also reports its layerwise statistics. */
export interface NoiseAdaptiveOptimizer extends Optimizer {
  /**
   * the rate factor applied at a parameter's last step, by name: φ ∈ [minFactor, 1], or with
   * `group` φ divided by its group's mean φ (capped at maxFactor)
   */
  factor(name: string): number | undefined;
  /** the estimated noise level σ̂ (dual norm of g − E g) of a parameter, by name */
  noise(name: string): number | undefined;
  /** the wrapped optimizer */
  readonly base: Optimizer;
  /** the base optimizer's checkpoint plus the layerwise statistics */
  state(): NoiseAdaptiveState;
}

/** The checkpoint of a {@link NoiseAdaptiveOptimizer}: the base's, plus the statistics. */
export interface NoiseAdaptiveState extends OptimizerState {
  readonly layerwise: {
    readonly [name: string]: {
      t: number;
      mean: number[];
      noiseSq: number;
      noiseWeight: number;
      factor: number;
      applied: number;
    };
  };
}

function dualNorm(norm: LmoNorm, rows: number, cols: number, d: Float64Array): number {
  if (norm === 'linf') {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += Math.abs(d[i]);
    return s;
  }
  if (norm === 'frobenius' || rows === 1 || cols === 1) {
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i] * d[i];
    return Math.sqrt(s);
  }
  const sv = new Float64Array(Math.min(rows, cols));
  svd(rows, cols, d, sv);
  let s = 0;
  for (let i = 0; i < sv.length; i++) s += sv[i];
  return s;
}

function inferNorm(name: string): LmoNorm {
  if (/^(muon|spectral)/.test(name)) return 'spectral';
  if (/^sign/.test(name)) return 'linf';
  return 'frobenius';
}

/**
 * Noise-adaptive layerwise learning rates around an optimizer (designed for LMO optimizers:
 * {@link muon}, {@link spectralDescent}, {@link signDescent}). The wrapped optimizer takes its
 * step; then each layer's step Δ is scaled by its own factor φ ∈ [minFactor, 1]:
 * x ← x_old + φ·Δ, i.e. the layer's learning rate is φ·lr at this step.
 *
 * The estimator, per layer, in the dual norm ‖·‖_* of the LMO's norm (nuclear for spectral,
 * ℓ1 for ℓ∞): an average of the gradients m_t = β·m_{t−1} + (1 − β)·g_t (bias-corrected m̂),
 * and an average v of the squared deviations δ_t² = ‖g_t − m̂_{t−1}‖_*² from the previous
 * average (bias-corrected v̂; from the second step on). For gradients g = ∇f + ξ with noise of
 * size σ² = E‖ξ‖² and a slowly varying ∇f, E δ² = σ²·2/(1 + β), so σ̂² = v̂·(1 + β)/2 and the
 * error of the average is ε̂ = σ̂·√((1 − β)/(1 + β)) = √(v̂·(1 − β)/2).
 *
 * The rule: an LMO step D = lmo(m) of unit norm decreases f to first order by
 * ⟨∇f, D⟩ ≥ ‖∇f‖_* − 2‖m − ∇f‖_*, so of the step's ideal decrease ‖∇f‖_* only the fraction
 * 1 − 2ε/‖∇f‖_* is certified. The layer's factor is that fraction with the running average as
 * the gradient: φ = clamp(1 − 2ε̂/‖m̂‖_*, minFactor, 1). A noise-free layer keeps the base rate;
 * a layer whose gradient is dominated by noise steps at minFactor·lr; the factors change over
 * time as the noise and the gradient change (near a minimum ‖m̂‖_* falls to the noise level and
 * the rate anneals by itself).
 *
 * With `group`, the factors of the layers of each group that step together are divided by
 * their mean (capped at maxFactor): the group keeps its average rate and the rate moves from
 * noisy layers to clean ones ("layerwise rates within each group").
 *
 * Parameters must be Euclidean (the scaling interpolates between old and new values).
 * `state()` is the base optimizer's checkpoint plus `layerwise` statistics.
 *
 * @param base - the optimizer to wrap (its own lr, momentum, … are used unchanged)
 * @param options - norm, beta, minFactor, layers, group, maxFactor
 * @throws {InvalidArgumentError} on an unknown norm, beta outside [0, 1), minFactor outside
 *   (0, 1], maxFactor < 1, a group or layers that is not a function, or a base that is not an
 *   Optimizer; `step` also throws it on a non-Euclidean
 *   parameter, and whatever the base's `step` throws
 * @example
 * import { fromRows } from '@rg/linalg';
 * const opt = noiseAdaptive(signDescent({ lr: 0.1 }));
 * const w = { name: 'w', value: fromRows([[1, 1]]), grad: fromRows([[1, -1]]) };
 * opt.step([w]); // no noise estimate before the second step: the base step
 * w.value // => ~[[0.9, 1.1]]
 * opt.factor('w') // => 1
 */
export function noiseAdaptive(
  base: Optimizer,
  options: NoiseAdaptiveOptions = {},
): NoiseAdaptiveOptimizer {
  const fn = 'noiseAdaptive';
  if (
    !base ||
    typeof base !== 'object' ||
    typeof base.step !== 'function' ||
    typeof base.state !== 'function'
  )
    throw new InvalidArgumentError(`${fn}(): base must be an Optimizer`);
  checkOptions(fn, 'options', options);
  const norm = options.norm ?? inferNorm(base.name);
  if (norm !== 'spectral' && norm !== 'linf' && norm !== 'frobenius')
    throw new InvalidArgumentError(
      `${fn}(): norm must be 'spectral', 'linf' or 'frobenius' (got ${String(norm)})`,
    );
  const beta = checkInRange(fn, 'beta', options.beta ?? 0.95, 0, 1, false, true);
  const minFactor = options.minFactor ?? 0.05;
  checkInRange(fn, 'minFactor', minFactor, 0, 1, true);
  const layers = options.layers ?? (() => true);
  checkFunction(fn, 'layers', layers, '(name, value) => boolean');
  const group = options.group;
  if (group !== undefined) checkFunction(fn, 'group', group, '(name, value) => string');
  const maxFactor = options.maxFactor ?? 3;
  checkInRange(fn, 'maxFactor', maxFactor, 1, Number.POSITIVE_INFINITY, false, true);
  let stats = new Map<string, LayerStats>();

  /** the statistics after this step's gradient, without changing the current ones */
  const advance = (name: string, g: Matrix): LayerStats => {
    const n = g.data.length;
    const old = stats.get(name);
    const t = (old?.t ?? 0) + 1;
    const mean = new Float64Array(n);
    let noiseSq = old?.noiseSq ?? 0;
    let noiseWeight = old?.noiseWeight ?? 0;
    if (old && old.mean.length === n) {
      const c = 1 / (1 - beta ** old.t);
      const dev = new Float64Array(n);
      for (let i = 0; i < n; i++) dev[i] = g.data[i] - c * old.mean[i];
      const delta = dualNorm(norm, g.rows, g.cols, dev);
      noiseSq = beta * noiseSq + (1 - beta) * delta * delta;
      noiseWeight = beta * noiseWeight + (1 - beta);
      for (let i = 0; i < n; i++) mean[i] = beta * old.mean[i] + (1 - beta) * g.data[i];
    } else for (let i = 0; i < n; i++) mean[i] = (1 - beta) * g.data[i];
    const signalScale = 1 / (1 - beta ** t);
    const hat = new Float64Array(n);
    for (let i = 0; i < n; i++) hat[i] = signalScale * mean[i];
    const signal = dualNorm(norm, g.rows, g.cols, hat);
    let factor = 1;
    if (noiseWeight > 0) {
      const error = Math.sqrt(((noiseSq / noiseWeight) * (1 - beta)) / 2);
      factor = signal > 0 ? 1 - (2 * error) / signal : minFactor;
      factor = Math.min(1, Math.max(minFactor, factor));
    }
    return { t, mean, noiseSq, noiseWeight, factor, applied: factor };
  };

  const opt: NoiseAdaptiveOptimizer = {
    base,
    get name() {
      return `noise-adaptive(${base.name})`;
    },
    get steps() {
      return base.steps;
    },
    get lr() {
      return base.lr;
    },
    set lr(value: number) {
      base.lr = value;
    },
    factor: (name) => stats.get(name)?.applied,
    noise: (name) => {
      const s = stats.get(name);
      if (!s || s.noiseWeight === 0) return undefined;
      return Math.sqrt(((s.noiseSq / s.noiseWeight) * (1 + beta)) / 2);
    },
    step(params: readonly Parameter[]): void {
      const where = `${fn}().step`;
      if (!Array.isArray(params))
        throw new InvalidArgumentError(`${where}(): params must be an array of Parameters`);
      const pending: {
        p: Parameter;
        old: Float64Array;
        next: LayerStats;
        key: string;
        scale: number;
      }[] = [];
      params.forEach((p, i) => {
        if (!p || typeof p !== 'object' || p.grad === undefined) return;
        if (p.manifold && !p.manifold.flat)
          throw new InvalidArgumentError(
            `${where}(): params[${i}] ('${p.name}') is on '${p.manifold.name}'; layerwise rates need Euclidean parameters`,
          );
        const v = p.value;
        const g = p.grad;
        // malformed parameters are left to the base optimizer's checks, which throw below
        if (
          !v ||
          !g ||
          !(v.data instanceof Float64Array) ||
          !(g.data instanceof Float64Array) ||
          g.rows !== v.rows ||
          g.cols !== v.cols ||
          g.data.length !== v.data.length
        )
          return;
        if (!layers(p.name, v)) return;
        pending.push({
          p,
          old: v.data.slice(),
          next: advance(p.name, g),
          key: group ? String(group(p.name, v)) : '',
          scale: 1,
        });
      });
      if (group) {
        // the mean factor of each group of layers stepping together
        const sums = new Map<string, [number, number]>();
        for (const q of pending) {
          const acc = sums.get(q.key) ?? [0, 0];
          acc[0] += q.next.factor;
          acc[1]++;
          sums.set(q.key, acc);
        }
        for (const q of pending) {
          const [sum, count] = sums.get(q.key) as [number, number];
          q.scale = Math.min(maxFactor, q.next.factor / (sum / count)) / q.next.factor;
        }
      }
      base.step(params);
      for (const { p, old, next, scale } of pending) {
        const x = p.value.data;
        const f = next.factor * scale;
        if (f !== 1) for (let i = 0; i < x.length; i++) x[i] = old[i] + f * (x[i] - old[i]);
        next.applied = f;
        stats.set(p.name, next);
      }
    },
    stepInPlace(x: Float64Array, g: Float64Array): void {
      if (!(x instanceof Float64Array) || !(g instanceof Float64Array) || x.length !== g.length) {
        base.stepInPlace(x, g); // throws the base's typed error
        return;
      }
      const value = { rows: x.length, cols: 1, data: x };
      if (!layers('', value)) {
        base.stepInPlace(x, g);
        return;
      }
      const next = advance('', { rows: g.length, cols: 1, data: g });
      const old = x.slice();
      base.stepInPlace(x, g);
      const f = next.factor;
      if (f !== 1) for (let i = 0; i < x.length; i++) x[i] = old[i] + f * (x[i] - old[i]);
      stats.set('', next);
    },
    state(): NoiseAdaptiveState {
      const layerwise: Record<string, NoiseAdaptiveState['layerwise'][string]> = {};
      for (const [name, s] of stats)
        layerwise[name] = {
          t: s.t,
          mean: Array.from(s.mean),
          noiseSq: s.noiseSq,
          noiseWeight: s.noiseWeight,
          factor: s.factor,
          applied: s.applied,
        };
      return { ...base.state(), layerwise };
    },
    loadState(state: OptimizerState): void {
      const where = `${fn}().loadState`;
      const lw = (state as NoiseAdaptiveState | undefined)?.layerwise;
      if (!lw || typeof lw !== 'object')
        throw new InvalidArgumentError(
          `${where}(): state.layerwise is missing (use a state() of noiseAdaptive)`,
        );
      const next = new Map<string, LayerStats>();
      for (const [name, s] of Object.entries(lw)) {
        const ok =
          s &&
          Number.isInteger(s.t) &&
          s.t >= 0 &&
          Array.isArray(s.mean) &&
          s.mean.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
          [s.noiseSq, s.noiseWeight, s.factor, s.applied].every(
            (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
          );
        if (!ok)
          throw new InvalidArgumentError(`${where}(): state.layerwise['${name}'] is malformed`);
        next.set(name, {
          t: s.t,
          mean: Float64Array.from(s.mean),
          noiseSq: s.noiseSq,
          noiseWeight: s.noiseWeight,
          factor: s.factor,
          applied: s.applied,
        });
      }
      base.loadState(state);
      stats = next;
    },
    reset(): void {
      base.reset();
      stats = new Map();
    },
  };
  return opt;
}

// The Riemannian SGD of Grassmann class representation (Wang, Li & Zhang 2023, "Rethinking
// classification with Grassmann class representation" (GCR), Algorithm 1): a Euclidean momentum
// buffer, its horizontal projection at the current point, a geodesic step, and a periodic QR
// re-orthonormalization; other parameters get @rg/optim's sgd with the same options.
import {
  assertFinite,
  assertMatrix,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import {
  type Optimizer,
  type OptimizerState,
  type Parameter,
  type ParameterState,
  type Schedule,
  sgd,
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

interface Slot {
  manifold: string;
  rows: number;
  cols: number;
  t: number;
  moment: Float64Array | null;
}

function rate(fn: string, name: string, v: unknown, lo: number, hi: number): number {
  if (typeof v !== 'number' || !(v >= lo && v < hi))
    throw new InvalidArgumentError(`${fn}(): ${name} must be in [${lo}, ${hi}) (got ${String(v)})`);
  return v;
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
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const lrOption = options.lr ?? 0.01;
  if (
    typeof lrOption !== 'function' &&
    (typeof lrOption !== 'number' || !(lrOption > 0) || !Number.isFinite(lrOption))
  )
    throw new InvalidArgumentError(
      `${fn}(): lr must be a positive finite number or a schedule (got ${String(lrOption)})`,
    );
  const momentum = rate(fn, 'momentum', options.momentum ?? 0.9, 0, 1);
  const every = options.reorthonormalizeEvery ?? 5;
  if (!Number.isInteger(every) || every < 1)
    throw new InvalidArgumentError(
      `${fn}(): reorthonormalizeEvery must be an integer ≥ 1 (got ${String(every)})`,
    );
  // the core sgd checks weightDecay and nesterov (and lr once more)
  const inner = sgd({
    lr: lrOption,
    momentum,
    weightDecay: options.weightDecay ?? 0,
    nesterov: options.nesterov ?? false,
  });
  let schedule: Schedule = typeof lrOption === 'function' ? lrOption : () => lrOption;
  let assignedLr: number | undefined;
  let steps = 0;
  let slots = new Map<string, Slot>();

  const currentLr = (where: string): number => {
    const lr = schedule(steps);
    if (typeof lr !== 'number' || !(lr >= 0) || !Number.isFinite(lr))
      throw new InvalidArgumentError(
        `${where}(): the learning-rate schedule returned ${String(lr)} at step ${steps} (must be a finite number ≥ 0)`,
      );
    return lr;
  };

  const opt: Optimizer = {
    name: 'gcr-sgd',
    get steps() {
      return steps;
    },
    get lr() {
      return schedule(steps);
    },
    set lr(value: number) {
      if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
        throw new InvalidArgumentError(
          `${fn}().lr(): lr must be a positive finite number (got ${String(value)})`,
        );
      schedule = () => value;
      assignedLr = value;
      inner.lr = value;
    },
    step(params: readonly Parameter[]): void {
      const where = `${fn}().step`;
      if (!Array.isArray(params))
        throw new InvalidArgumentError(`${where}(): params must be an array of Parameters`);
      const others: Parameter[] = [];
      const mine: { p: Parameter; grad: Matrix; n: number; k: number }[] = [];
      const seen = new Set<string>();
      params.forEach((p, i) => {
        if (!p || typeof p !== 'object' || typeof p.name !== 'string' || p.name === '')
          throw new InvalidArgumentError(
            `${where}(): params[${i}] must be a Parameter { name, value, grad?, manifold? } with a non-empty name`,
          );
        if (seen.has(p.name))
          throw new InvalidArgumentError(
            `${where}(): params[${i}] ('${p.name}') has the name of an earlier parameter; names must be unique (state is kept per name)`,
          );
        seen.add(p.name);
        if (!isGrassmann(p.manifold)) {
          others.push(p);
          return;
        }
        const at = `params[${i}] ('${p.name}')`;
        assertMatrix(where, `${at}.value`, p.value);
        if (p.grad === undefined) return;
        assertFinite(where, `${at}.grad`, p.grad);
        if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols)
          throw new ShapeError(
            `${where}(): ${at}.grad must be ${p.value.rows}×${p.value.cols} like its value (got ${p.grad.rows}×${p.grad.cols})`,
          );
        p.manifold?.validate?.(where, `${at}.value`, p.value);
        const s = slots.get(p.name);
        if (s && (s.rows !== p.value.rows || s.cols !== p.value.cols))
          throw new ShapeError(
            `${where}(): parameter '${p.name}' is ${p.value.rows}×${p.value.cols} but its optimizer state is ${s.rows}×${s.cols} (call reset() first to change sizes)`,
          );
        mine.push({ p, grad: p.grad, n: p.value.rows, k: p.value.cols });
      });
      const lr = currentLr(where);
      // the core validates its parameters before changing any; then the class bases
      inner.step(others);
      for (const { p, grad, n, k } of mine) {
        let slot = slots.get(p.name);
        if (!slot) {
          slot = { manifold: p.manifold?.name ?? '', rows: n, cols: k, t: 0, moment: null };
          slots.set(p.name, slot);
        }
        slot.t++;
        const len = n * k;
        let buf = slot.moment;
        if (!buf) {
          buf = grad.data.slice();
          slot.moment = buf;
        } else for (let i = 0; i < len; i++) buf[i] = momentum * buf[i] + grad.data[i];
        const next = geodesicStepInto(n, k, p.value.data, buf, -lr, scratch('gcr.next', len));
        if (slot.t % every === 0) thinQ(n, k, next, p.value.data);
        else p.value.data.set(next);
      }
      steps++;
    },
    stepInPlace(x: Float64Array, g: Float64Array): void {
      inner.stepInPlace(x, g);
      steps++;
    },
    state(): OptimizerState {
      const core = inner.state();
      const params: Record<string, ParameterState> = { ...core.params };
      for (const [name, s] of slots)
        params[name] = {
          manifold: s.manifold,
          rows: s.rows,
          cols: s.cols,
          t: s.t,
          ...(s.moment ? { moment: Array.from(s.moment) } : {}),
        };
      return {
        optimizer: 'gcr-sgd',
        steps,
        ...(assignedLr !== undefined ? { lr: assignedLr } : {}),
        params,
      };
    },
    loadState(state: OptimizerState): void {
      const where = `${fn}().loadState`;
      if (!state || typeof state !== 'object' || !state.params || typeof state.params !== 'object')
        throw new InvalidArgumentError(`${where}(): state must come from state()`);
      if (state.optimizer !== 'gcr-sgd')
        throw new InvalidArgumentError(
          `${where}(): state was written by '${String(state.optimizer)}', not 'gcr-sgd'`,
        );
      if (!Number.isInteger(state.steps) || state.steps < 0)
        throw new InvalidArgumentError(`${where}(): state.steps must be a non-negative integer`);
      const next = new Map<string, Slot>();
      const rest: Record<string, ParameterState> = {};
      for (const [name, p] of Object.entries(state.params)) {
        if (!p || typeof p !== 'object' || typeof p.manifold !== 'string')
          throw new InvalidArgumentError(
            `${where}(): state.params['${name}'] must be a ParameterState`,
          );
        if (!p.manifold.startsWith('grassmann(')) {
          rest[name] = p;
          continue;
        }
        const len = p.rows * p.cols;
        if (!Number.isInteger(p.rows) || !Number.isInteger(p.cols) || !Number.isInteger(p.t))
          throw new InvalidArgumentError(
            `${where}(): state.params['${name}'] must have integer rows, cols and t`,
          );
        let moment: Float64Array | null = null;
        if (p.moment !== undefined) {
          if (
            !Array.isArray(p.moment) ||
            p.moment.length !== len ||
            !p.moment.every(Number.isFinite)
          )
            throw new InvalidArgumentError(
              `${where}(): state.params['${name}'].moment must hold ${len} finite numbers`,
            );
          moment = Float64Array.from(p.moment);
        }
        next.set(name, { manifold: p.manifold, rows: p.rows, cols: p.cols, t: p.t, moment });
      }
      inner.loadState({
        optimizer: 'sgd',
        steps: state.steps,
        ...(state.lr !== undefined ? { lr: state.lr } : {}),
        params: rest,
      });
      slots = next;
      steps = state.steps;
      if (state.lr !== undefined) {
        const lr = state.lr;
        schedule = () => lr;
        assignedLr = lr;
      } else {
        schedule = typeof lrOption === 'function' ? lrOption : () => lrOption;
        assignedLr = undefined;
      }
    },
    reset(): void {
      inner.reset();
      slots = new Map();
      steps = 0;
    },
  };
  return opt;
}

// The machinery every optimizer of this package shares: boundary validation, per-name state,
// learning-rate schedule, gradient transform, flat convenience step and JSON checkpoints.
// An update rule only supplies the two formulas (flat in place, and on a curved manifold).
import {
  assertFinite,
  assertFiniteArray,
  assertMatrix,
  checkInteger,
  checkPositive,
  describeValue,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { euclidean } from '../euclidean.js';
import type { GradientTransform } from '../gradient-transform.js';
import type { Manifold } from '../manifold.js';
import type { Optimizer, OptimizerState, ParameterState } from '../optimizer.js';
import type { Parameter } from '../parameter.js';
import type { Schedule } from '../schedules.js';

/**
 * What an optimizer remembers about one parameter, kept by the engine per parameter name and
 * written into checkpoints (`moment`, and the second moments when the rule says so). A rule
 * reads and replaces these fields; the engine counts `t`.
 *
 * @example
 * import { fromRows } from '@rg/linalg';
 * const seen: Slot[] = [];
 * const rule = { ...sgdRule({ momentum: 0.5 }), kind: 'spy' };
 * const spy: UpdateRule = { ...rule, flat(slot, x, g, lr, step) { seen.push(slot); rule.flat(slot, x, g, lr, step); } };
 * defineOptimizer({ rule: spy, lr: 0.1 }).step([{ name: 'w', value: fromRows([[1]]), grad: fromRows([[2]]) }]);
 * [seen[0].name, seen[0].manifold, seen[0].t] // => ['w', 'euclidean', 1]
 * seen[0].moment // => [2]
 */
export interface Slot {
  /** the parameter's name ('' for `stepInPlace`) */
  readonly name: string;
  readonly manifold: string;
  readonly rows: number;
  readonly cols: number;
  /** updates of this parameter so far */
  t: number;
  /** momentum / first moment (flat: updated in place; curved: a tangent vector at the value) */
  moment: Float64Array | null;
  /** Adam's elementwise second moment (flat manifolds) */
  second: Float64Array | null;
  /** Adam's scalar second moment (curved manifolds) */
  secondScalar: number;
  /** AMSGrad's running maximum of `second` / `secondScalar` */
  maxSecond: Float64Array | null;
  maxSecondScalar: number;
}

/**
 * The formulas of one optimizer, for {@link defineOptimizer}; the engine calls them with
 * validated inputs only (see {@link sgdRule} for sgd's, to delegate to).
 *
 * @example
 * // sgd's formulas under another checkpoint kind
 * const rule: UpdateRule = { ...sgdRule({ momentum: 0.9 }), kind: 'my-sgd' };
 * const opt = defineOptimizer({ rule, lr: 0.1 });
 * opt.stepInPlace(Float64Array.from([1]), Float64Array.from([1]));
 * opt.state().optimizer // => 'my-sgd'
 */
export interface UpdateRule {
  /** 'sgd', 'adam', 'adamw': written into checkpoints and checked on load */
  readonly kind: string;
  /** whether checkpoints carry `second` (Adam) and `maxSecond` (AMSGrad) */
  readonly secondMoment: boolean;
  readonly maxSecondMoment: boolean;
  /**
   * update x in place from its Euclidean gradient g (slot.t already counts this update);
   * `step` is the optimizer's step count before this step (for a rule's own schedules)
   */
  flat(slot: Slot, x: Float64Array, g: Float64Array, lr: number, step: number): void;
  /** the new point on a curved manifold (slot.t already counts this update); x is not changed */
  curved(
    slot: Slot,
    manifold: Manifold,
    x: Matrix,
    egrad: Matrix,
    lr: number,
    step: number,
  ): Matrix;
  /**
   * A rule's own boundary check of one parameter that has a gradient (e.g. "Euclidean only",
   * "on the simplex"), run with the engine's checks, before any parameter changes; throws a
   * typed error whose message starts with `${where}(): ${at}`.
   */
  check?(where: string, at: string, manifold: Manifold, value: Matrix, grad: Matrix): void;
  /**
   * Called once per step after validation and before any parameter changes, with the
   * optimizer's step count: a rule evaluates (and checks) its own schedules here.
   */
  prepare?(where: string, step: number): void;
}

const MANIFOLD_MEMBERS = [
  'inner',
  'projectTangent',
  'riemannianGradient',
  'retract',
  'transport',
] as const;

/** the shared check of `lr` options: a finite number > 0 or a schedule */
export function resolveLearningRate(fn: string, lr: unknown): Schedule {
  if (typeof lr === 'function') return lr as Schedule;
  if (typeof lr !== 'number' || !(lr > 0) || !Number.isFinite(lr))
    throw new InvalidArgumentError(
      `${fn}(): lr must be a finite number > 0 or a schedule (got ${describeValue(lr)})`,
    );
  return () => lr;
}

/** a name for messages (`fn(): …`): an identifier, dots allowed ('gcrSgd', 'opt.step') */
export function checkFunctionName(fn: string, name: unknown): string {
  if (typeof name !== 'string' || !/^[A-Za-z_$][\w$.]*$/.test(name))
    throw new InvalidArgumentError(
      `${fn}(): fn must be a function name such as 'mySgd' (got ${String(name)})`,
    );
  return name;
}

export function checkTransform(fn: string, t: unknown): GradientTransform | undefined {
  if (t === undefined) return undefined;
  const g = t as GradientTransform;
  if (
    !g ||
    typeof g !== 'object' ||
    typeof g.apply !== 'function' ||
    typeof g.state !== 'function' ||
    typeof g.loadState !== 'function' ||
    typeof g.reset !== 'function'
  )
    throw new InvalidArgumentError(
      `${fn}(): precondition must be a GradientTransform { name, apply, state, loadState, reset }`,
    );
  return g;
}

function newSlot(name: string, manifold: string, rows: number, cols: number): Slot {
  return {
    name,
    manifold,
    rows,
    cols,
    t: 0,
    moment: null,
    second: null,
    secondScalar: 0,
    maxSecond: null,
    maxSecondScalar: 0,
  };
}

/** one parameter of a step after validation */
interface Work {
  readonly name: string;
  readonly value: Matrix;
  readonly grad: Matrix;
  readonly manifold: Manifold;
}

function label(i: number, name: string): string {
  return `params[${i}] ('${name}')`;
}

/**
 * Build an optimizer from an update rule. `fn` is the factory's name ('sgd'), used in messages
 * as `sgd().step(): …`.
 */
export function createOptimizer(
  fn: string,
  name: string,
  lrOption: Schedule,
  rule: UpdateRule,
  transform: GradientTransform | undefined,
): Optimizer {
  let schedule = lrOption;
  let assignedLr: number | undefined;
  let steps = 0;
  let slots = new Map<string, Slot>();
  let flatG: Float64Array | null = null;
  let flatOut: Float64Array | null = null;

  const currentLr = (where: string): number => {
    const lr = schedule(steps);
    if (typeof lr !== 'number' || !(lr >= 0) || !Number.isFinite(lr))
      throw new InvalidArgumentError(
        `${where}(): the learning-rate schedule returned ${String(lr)} at step ${steps} (must be a finite number ≥ 0)`,
      );
    return lr;
  };

  const checkSlot = (where: string, what: string, manifold: Manifold, m: Matrix): void => {
    const s = slots.get(what);
    if (!s) return;
    if (s.rows !== m.rows || s.cols !== m.cols)
      throw new ShapeError(
        `${where}(): ${what === '' ? 'x' : `parameter '${what}'`} is ${m.rows}×${m.cols} but its optimizer state is ${s.rows}×${s.cols} (call reset() first to change sizes)`,
      );
    if (s.manifold !== manifold.name)
      throw new InvalidArgumentError(
        `${where}(): parameter '${what}' is on '${manifold.name}' but its optimizer state is on '${s.manifold}'`,
      );
  };

  const validate = (where: string, params: readonly Parameter[]): Work[] => {
    if (!Array.isArray(params))
      throw new InvalidArgumentError(`${where}(): params must be an array of Parameters`);
    const seen = new Set<string>();
    const work: Work[] = [];
    params.forEach((p, i) => {
      if (!p || typeof p !== 'object')
        throw new InvalidArgumentError(
          `${where}(): params[${i}] must be a Parameter { name, value, grad?, manifold? }`,
        );
      if (typeof p.name !== 'string' || p.name === '')
        throw new InvalidArgumentError(`${where}(): params[${i}].name must be a non-empty string`);
      const at = label(i, p.name);
      if (seen.has(p.name))
        throw new InvalidArgumentError(
          `${where}(): ${at} has the name of an earlier parameter; names must be unique (state is kept per name)`,
        );
      seen.add(p.name);
      const manifold = p.manifold ?? euclidean;
      if (!manifold || typeof manifold !== 'object')
        throw new InvalidArgumentError(`${where}(): ${at}.manifold must be a Manifold`);
      for (const member of MANIFOLD_MEMBERS)
        if (typeof manifold[member] !== 'function')
          throw new InvalidArgumentError(
            `${where}(): ${at}.manifold must be a Manifold (its ${member} is not a function)`,
          );
      assertMatrix(where, `${at}.value`, p.value);
      if (p.grad === undefined) return;
      assertFinite(where, `${at}.grad`, p.grad);
      if (p.grad.rows !== p.value.rows || p.grad.cols !== p.value.cols)
        throw new ShapeError(
          `${where}(): ${at}.grad must be ${p.value.rows}×${p.value.cols} like its value (got ${p.grad.rows}×${p.grad.cols})`,
        );
      manifold.validate?.(where, `${at}.value`, p.value);
      rule.check?.(where, at, manifold, p.value, p.grad);
      checkSlot(where, p.name, manifold, p.value);
      work.push({ name: p.name, value: p.value, grad: p.grad, manifold });
    });
    return work;
  };

  /** the Euclidean gradients after the transform, one per work item (views into one buffer) */
  const transformed = (work: Work[]): Float64Array[] => {
    if (!transform) return work.map((w) => w.grad.data);
    let total = 0;
    for (const w of work) total += w.grad.data.length;
    if (!flatOut || flatOut.length !== total) flatOut = new Float64Array(total);
    let input: Float64Array;
    if (work.length === 1) input = work[0].grad.data;
    else {
      // concatenate in the order of `params`
      if (!flatG || flatG.length !== total) flatG = new Float64Array(total);
      input = flatG;
      let o = 0;
      for (const w of work) {
        input.set(w.grad.data, o);
        o += w.grad.data.length;
      }
    }
    const r = transform.apply(input, flatOut);
    if (!(r instanceof Float64Array) || r.length !== total)
      throw new ShapeError(
        `${fn}(): precondition '${transform.name}' returned ${r instanceof Float64Array ? `length ${r.length}` : 'no Float64Array'} for a gradient of length ${total}`,
      );
    let o = 0;
    return work.map((w) => {
      const len = w.grad.data.length;
      const view = r.subarray(o, o + len);
      o += len;
      return view;
    });
  };

  const run = (work: Work[], lr: number): void => {
    const grads = transformed(work);
    work.forEach((w, i) => {
      let slot = slots.get(w.name);
      if (!slot) {
        slot = newSlot(w.name, w.manifold.name, w.value.rows, w.value.cols);
        slots.set(w.name, slot);
      }
      slot.t++;
      if (w.manifold.flat) {
        rule.flat(slot, w.value.data, grads[i], lr, steps);
      } else {
        const egrad = { rows: w.grad.rows, cols: w.grad.cols, data: grads[i] };
        const next = rule.curved(slot, w.manifold, w.value, egrad, lr, steps);
        w.value.data.set(next.data);
      }
    });
    steps++;
  };

  const kind = rule.kind;
  const opt: Optimizer = {
    name,
    get steps() {
      return steps;
    },
    get lr() {
      return schedule(steps);
    },
    set lr(value: number) {
      const lr = checkPositive(`${fn}().lr`, 'lr', value);
      schedule = () => lr;
      assignedLr = lr;
    },
    step(params: readonly Parameter[]): void {
      const where = `${fn}().step`;
      const work = validate(where, params);
      const lr = currentLr(where);
      rule.prepare?.(where, steps);
      run(work, lr);
    },
    stepInPlace(x: Float64Array, g: Float64Array): void {
      const where = `${fn}().stepInPlace`;
      if (!(x instanceof Float64Array) || !(g instanceof Float64Array))
        throw new ShapeError(`${where}(): x and g must be Float64Arrays`);
      if (x.length !== g.length)
        throw new ShapeError(
          `${where}(): x (length ${x.length}) and g (length ${g.length}) must have the same length`,
        );
      assertFiniteArray(where, 'g', g);
      const value = { rows: x.length, cols: 1, data: x };
      const grad = { rows: g.length, cols: 1, data: g };
      rule.check?.(where, 'x', euclidean, value, grad);
      checkSlot(where, '', euclidean, value);
      const lr = currentLr(where);
      rule.prepare?.(where, steps);
      run([{ name: '', value, grad, manifold: euclidean }], lr);
    },
    state(): OptimizerState {
      const params: Record<string, ParameterState> = {};
      for (const [key, s] of slots) {
        const entry: {
          manifold: string;
          rows: number;
          cols: number;
          t: number;
          moment?: number[];
          second?: number[] | number;
          maxSecond?: number[] | number;
        } = { manifold: s.manifold, rows: s.rows, cols: s.cols, t: s.t };
        if (s.moment) entry.moment = Array.from(s.moment);
        if (rule.secondMoment) entry.second = s.second ? Array.from(s.second) : s.secondScalar;
        if (rule.maxSecondMoment)
          entry.maxSecond = s.maxSecond ? Array.from(s.maxSecond) : s.maxSecondScalar;
        params[key] = entry;
      }
      return {
        optimizer: kind,
        steps,
        ...(assignedLr !== undefined ? { lr: assignedLr } : {}),
        params,
        ...(transform ? { transform: transform.state() } : {}),
      };
    },
    loadState(state: OptimizerState): void {
      const where = `${fn}().loadState`;
      const next = parseState(where, kind, state);
      if (transform) {
        if (state.transform === undefined)
          throw new InvalidArgumentError(
            `${where}(): state has no transform state but this optimizer has a precondition transform`,
          );
        transform.loadState(state.transform);
      } else if (state.transform !== undefined)
        throw new InvalidArgumentError(
          `${where}(): state has a transform state but this optimizer has no precondition transform`,
        );
      slots = next;
      steps = state.steps;
      if (state.lr !== undefined) opt.lr = state.lr;
      else {
        schedule = lrOption;
        assignedLr = undefined;
      }
    },
    reset(): void {
      slots = new Map();
      steps = 0;
      transform?.reset();
    },
  };
  return opt;
}

function finiteNumbers(where: string, what: string, v: unknown, length: number): Float64Array {
  if (!Array.isArray(v) || v.length !== length)
    throw new InvalidArgumentError(`${where}(): ${what} must be an array of ${length} numbers`);
  const out = Float64Array.from(v as number[]);
  for (let i = 0; i < out.length; i++)
    if (typeof v[i] !== 'number' || !Number.isFinite(out[i]))
      throw new InvalidArgumentError(
        `${where}(): ${what}[${i}] must be a finite number (got ${String(v[i])})`,
      );
  return out;
}

function finiteNumber(where: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    throw new InvalidArgumentError(
      `${where}(): ${what} must be a finite number (got ${String(v)})`,
    );
  return v;
}

function parseState(where: string, kind: string, state: OptimizerState): Map<string, Slot> {
  if (!state || typeof state !== 'object' || !state.params || typeof state.params !== 'object')
    throw new InvalidArgumentError(`${where}(): state must come from state()`);
  if (state.optimizer !== kind)
    throw new InvalidArgumentError(
      `${where}(): state was written by '${String(state.optimizer)}', not '${kind}'`,
    );
  checkInteger(where, 'state.steps', state.steps, 0);
  if (state.lr !== undefined) checkPositive(where, 'state.lr', state.lr);
  const slots = new Map<string, Slot>();
  for (const [key, p] of Object.entries(state.params)) {
    const at = `state.params['${key}']`;
    if (!p || typeof p !== 'object' || typeof p.manifold !== 'string')
      throw new InvalidArgumentError(`${where}(): ${at} must be a ParameterState`);
    const { rows, cols, t } = p;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0)
      throw new InvalidArgumentError(`${where}(): ${at}.rows and .cols must be integers ≥ 0`);
    if (!Number.isInteger(t) || t < 0)
      throw new InvalidArgumentError(`${where}(): ${at}.t must be a non-negative integer`);
    const s = newSlot(key, p.manifold, rows, cols);
    s.t = t;
    const len = rows * cols;
    if (p.moment !== undefined) s.moment = finiteNumbers(where, `${at}.moment`, p.moment, len);
    if (typeof p.second === 'number')
      s.secondScalar = finiteNumber(where, `${at}.second`, p.second);
    else if (p.second !== undefined) s.second = finiteNumbers(where, `${at}.second`, p.second, len);
    if (typeof p.maxSecond === 'number')
      s.maxSecondScalar = finiteNumber(where, `${at}.maxSecond`, p.maxSecond);
    else if (p.maxSecond !== undefined)
      s.maxSecond = finiteNumbers(where, `${at}.maxSecond`, p.maxSecond, len);
    slots.set(key, s);
  }
  return slots;
}

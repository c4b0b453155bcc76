// Shared argument checks for numbers, integers, probabilities, option objects and the
// outputs of user callbacks, so every package rejects the same bad values with the same
// message form ("fn(): name must ...") instead of re-writing them per call site.
import { InvalidArgumentError, NonFiniteError, ShapeError } from './errors.js';
import type { Matrix } from './matrix.js';
import { assertFinite, assertFiniteArray, assertVector } from './validate.js';

function show(x: unknown): string {
  return describeValue(x);
}

/** 'a' or 'an' before a class name ('a Float64Array', 'an AbortSignal') */
function article(name: string): string {
  return /^[AEIO]/i.test(name) ? 'an' : 'a';
}

/**
 * What a bad argument is, for the `(got …)` part of a message: `null`, `undefined`,
 * `a function`, `an array of length 3`, `a Float32Array of length 2`, `a Map` (an instance of
 * a class), `an object with keys n, m` (at most 8 keys listed; `an empty object`), a string in
 * single quotes (cut after 40 characters), a number or other primitive as `String` writes it.
 * Every shared validator shows the value this way. Never throws.
 *
 * @example
 * describeValue({ n: 1 }) // => 'an object with keys n'
 * describeValue([1]) // => 'an array of length 1'
 * describeValue(new Float32Array(2)) // => 'a Float32Array of length 2'
 * describeValue('1e-9') // => "'1e-9'"
 * describeValue(Number.NaN) // => 'NaN'
 */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (typeof x === 'function') return 'a function';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (typeof x === 'object') {
    const proto = Object.getPrototypeOf(x);
    const name: unknown = proto?.constructor?.name;
    if (ArrayBuffer.isView(x)) {
      const kind = typeof name === 'string' && name ? name : 'ArrayBufferView';
      const length = (x as { length?: unknown }).length;
      return `${article(kind)} ${kind} of length ${typeof length === 'number' ? length : x.byteLength}`;
    }
    if (proto !== null && proto !== Object.prototype && typeof name === 'string' && name)
      return `${article(name)} ${name}`;
    const keys = Object.keys(x);
    if (keys.length === 0) return 'an empty object';
    return `an object with keys ${keys.slice(0, 8).join(', ')}${keys.length > 8 ? ', …' : ''}`;
  }
  if (typeof x === 'string') return `'${x.length > 40 ? `${x.slice(0, 40)}…` : x}'`;
  return String(x);
}

/**
 * Return `x` when it is a finite number (strings such as `'0.5'` are refused, not coerced).
 *
 * @throws {NonFiniteError} when `x` is NaN or ±Infinity
 * @throws {InvalidArgumentError} when `x` is not a number
 * @example
 * checkFiniteNumber('geodesic', 't', 0.5) // => 0.5
 * checkFiniteNumber('geodesic', 't', NaN) // => throws NonFiniteError
 * checkFiniteNumber('geodesic', 't', '0.5') // => throws InvalidArgumentError
 */
export function checkFiniteNumber(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number')
    throw new InvalidArgumentError(`${fn}(): ${name} must be a finite number (got ${show(x)})`);
  if (x - x !== 0) throw new NonFiniteError(`${fn}(): ${name} is ${x} (must be finite)`);
  return x;
}

/**
 * Return `x` when it is a finite number > 0 (≥ 0 with `allowZero`).
 *
 * @throws {InvalidArgumentError} otherwise
 * @example
 * checkPositive('sgd', 'lr', 0.1) // => 0.1
 * checkPositive('sgd', 'weightDecay', 0, true) // => 0
 * checkPositive('sgd', 'weightDecay', Infinity, true) // => throws InvalidArgumentError
 */
export function checkPositive(fn: string, name: string, x: unknown, allowZero = false): number {
  if (typeof x !== 'number' || x - x !== 0 || x < 0 || (x === 0 && !allowZero))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a finite number ${allowZero ? '≥ 0' : '> 0'} (got ${show(x)})`,
    );
  return x;
}

/**
 * Return `x` when it is an integer in [min, max] (`max` defaults to 2^53 − 1).
 *
 * @throws {InvalidArgumentError} otherwise (NaN, 1.5, −1 for min 0, ...)
 * @example
 * checkInteger('lanczos', 'maxIter', 50, 1) // => 50
 * checkInteger('lanczos', 'maxIter', 1.5, 1) // => throws InvalidArgumentError
 */
export function checkInteger(
  fn: string,
  name: string,
  x: unknown,
  min = 0,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be ${max !== Number.MAX_SAFE_INTEGER ? `an integer in [${min}, ${max}]` : min === 0 ? 'a non-negative integer' : `an integer ≥ ${min}`} (got ${show(x)})`,
    );
  return x;
}

/**
 * Return `x` when it is a probability in [0, 1] (open ends with `open`).
 *
 * @throws {InvalidArgumentError} otherwise
 * @example
 * checkProbability('dropout', 'rate', 0.2) // => 0.2
 * checkProbability('dropout', 'rate', 1, true) // => throws InvalidArgumentError
 */
export function checkProbability(fn: string, name: string, x: unknown, open = false): number {
  if (typeof x !== 'number' || Number.isNaN(x) || (open ? !(x > 0 && x < 1) : !(x >= 0 && x <= 1)))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a number in ${open ? '(0, 1)' : '[0, 1]'} (got ${show(x)})`,
    );
  return x;
}

/**
 * Return the options object, `{}` for `undefined`; refuse `null`, arrays and non-objects
 * with a typed error naming the function instead of a later `TypeError`.
 *
 * @throws {InvalidArgumentError} when `options` is not an object or undefined
 * @example
 * checkOptions('emd', 'options', undefined) // => {}
 * checkOptions('emd', 'options', null) // => throws InvalidArgumentError
 */
export function checkOptions<T extends object>(
  fn: string,
  name: string,
  options: T | null | undefined,
): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be an options object or undefined (got ${show(options)})`,
    );
  return options;
}

/**
 * Throw unless a user callback's result is an array of `length` finite numbers: the
 * check between a callback (`grad`, `hvp`, an objective) and the arithmetic that trusts it.
 * A number result is checked with `length` 1 semantics when `length` is omitted.
 *
 * @throws {ShapeError} when the result has the wrong length or is not array-like
 * @throws {NonFiniteError} when an entry is NaN or infinite
 * @example
 * checkCallbackOutput('hessianTrace', 'hvp', new Float64Array([1, 2]), 2) // => undefined
 * checkCallbackOutput('hessianTrace', 'hvp', new Float64Array([1, NaN]), 2) // => throws NonFiniteError
 * checkCallbackOutput('hessianTrace', 'hvp', new Float64Array(3), 2) // => throws ShapeError
 * checkCallbackOutput('minimize', 'f', NaN) // => throws NonFiniteError
 */
export function checkCallbackOutput(
  fn: string,
  name: string,
  value: unknown,
  length?: number,
): void {
  if (typeof value === 'number') {
    if (length !== undefined)
      throw new ShapeError(
        `${fn}(): ${name} returned a number where an array of length ${length} was expected`,
      );
    if (value - value !== 0)
      throw new NonFiniteError(`${fn}(): ${name} returned ${value} (must be finite)`);
    return;
  }
  const v = value as ArrayLike<number> | null | undefined;
  if (v === null || typeof v !== 'object' || typeof v.length !== 'number')
    throw new ShapeError(
      `${fn}(): ${name} must return ${length === undefined ? 'a number' : `an array of length ${length}`} (got ${show(value)})`,
    );
  if (length !== undefined && v.length !== length)
    throw new ShapeError(`${fn}(): ${name} returned ${v.length} entries, expected ${length}`);
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    if (typeof x !== 'number' || x - x !== 0)
      throw new NonFiniteError(
        `${fn}(): ${name} returned ${String(x)} at index ${i} (must be finite)`,
        i,
      );
  }
}

/**
 * Return `x` when it is one of `choices`.
 *
 * @throws {InvalidArgumentError} otherwise, listing the choices
 * @example
 * checkChoice('gram', 'side', 'AtA', ['AtA', 'AAt']) // => 'AtA'
 * checkChoice('gram', 'side', 'x', ['AtA', 'AAt']) // => throws InvalidArgumentError
 */
export function checkChoice<T extends string>(
  fn: string,
  name: string,
  x: unknown,
  choices: readonly T[],
): T {
  if (typeof x !== 'string' || !(choices as readonly string[]).includes(x))
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be one of ${choices.map((c) => `'${c}'`).join(', ')} (got ${show(x)})`,
    );
  return x as T;
}

/**
 * Return `x` when it is a number in the interval from `lo` to `hi`, each end closed unless
 * `openLo` / `openHi` (a discount γ ∈ (0, 1], a clip ε ∈ (0, 1), ...).
 *
 * @throws {InvalidArgumentError} otherwise (NaN, strings, values outside)
 * @example
 * checkInRange('cartPole', 'gamma', 1, 0, 1, true) // => 1
 * checkInRange('cartPole', 'gamma', 0, 0, 1, true) // => throws InvalidArgumentError
 */
export function checkInRange(
  fn: string,
  name: string,
  x: unknown,
  lo: number,
  hi: number,
  openLo = false,
  openHi = false,
): number {
  if (
    typeof x !== 'number' ||
    Number.isNaN(x) ||
    (openLo ? !(x > lo) : !(x >= lo)) ||
    (openHi ? !(x < hi) : !(x <= hi))
  )
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a number in ${openLo ? '(' : '['}${lo}, ${hi}${openHi ? ')' : ']'} (got ${show(x)})`,
    );
  return x;
}

/**
 * Return `x` when it is a seed for `rng`: a safe integer, negative ones included.
 *
 * @throws {InvalidArgumentError} otherwise
 * @example
 * checkSeed('rollout', 'seed', -3) // => -3
 * checkSeed('rollout', 'seed', 1.5) // => throws InvalidArgumentError
 */
export function checkSeed(fn: string, name: string, x: unknown): number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x))
    throw new InvalidArgumentError(`${fn}(): ${name} must be a safe integer (got ${show(x)})`);
  return x;
}

/**
 * Return `f` when it is a function; `signature` describes it in the message.
 *
 * @throws {InvalidArgumentError} otherwise
 * @example
 * checkFunction('defineGame', 'pseudoGradient', 'x') // => throws InvalidArgumentError
 */
export function checkFunction<F extends (...args: never[]) => unknown>(
  fn: string,
  name: string,
  f: F | unknown,
  signature = '',
): F {
  if (typeof f !== 'function')
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a function${signature ? ` ${signature}` : ''} (got ${show(f)})`,
    );
  return f as F;
}

/**
 * Return an array of finite numbers (of `length` when given) as a Float64Array: `v` itself
 * when it already is one and `copy` is false, otherwise a fresh copy.
 *
 * @throws {ShapeError} when `v` is not an array of numbers or has the wrong length
 * @throws {NonFiniteError} on a NaN or infinite entry
 * @example
 * checkVector('gae', 'rewards', [1, 2]) // => [1, 2]
 * checkVector('gae', 'rewards', [1, NaN]) // => throws NonFiniteError
 * checkVector('gae', 'values', new Float64Array(3), 2) // => throws ShapeError
 */
export function checkVector(
  fn: string,
  name: string,
  v: unknown,
  length?: number,
  copy = false,
): Float64Array {
  assertVector(fn, name, v, length);
  assertFiniteArray(fn, name, v);
  return v instanceof Float64Array && !copy ? v : Float64Array.from(v);
}

/**
 * Return `a` when it is a well-formed Matrix of finite entries, `rows` × `cols` when given
 * (a negative size is not checked).
 *
 * @throws {ShapeError} when `a` is not a Matrix or has another shape
 * @throws {NonFiniteError} on a NaN or infinite entry
 * @example
 * checkMatrix('matrixGame', 'b', fromRows([[1, 2]]), 1, 2).cols // => 2
 * checkMatrix('matrixGame', 'b', fromRows([[1, 2]]), 2, 2) // => throws ShapeError
 */
export function checkMatrix(fn: string, name: string, a: unknown, rows = -1, cols = -1): Matrix {
  assertFinite(fn, name, a as Matrix);
  const m = a as Matrix;
  if ((rows >= 0 && m.rows !== rows) || (cols >= 0 && m.cols !== cols))
    throw new ShapeError(
      `${fn}(): ${name} is ${m.rows}×${m.cols}, expected ${rows >= 0 ? rows : m.rows}×${cols >= 0 ? cols : m.cols}`,
    );
  return m;
}

/**
 * Return the output buffer `out` (a Float64Array of `length`), or a new zero one when it is
 * undefined.
 *
 * @throws {ShapeError} when `out` is given but is not a Float64Array of `length`
 * @example
 * checkOutput('projectOntoSet', 'out', undefined, 2) // => [0, 0]
 * checkOutput('projectOntoSet', 'out', new Float64Array(3), 2) // => throws ShapeError
 */
export function checkOutput(fn: string, name: string, out: unknown, length: number): Float64Array {
  if (out === undefined) return new Float64Array(length);
  if (!(out instanceof Float64Array) || out.length !== length)
    throw new ShapeError(`${fn}(): ${name} must be a Float64Array of length ${length}`);
  return out;
}

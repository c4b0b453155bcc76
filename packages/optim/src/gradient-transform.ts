// A stateful map of the Euclidean gradients of one optimizer step (preconditioning, as in optax's gradient transformations).

/**
 * A value that survives `JSON.parse(JSON.stringify(value))` unchanged.
 *
 * @example
 * const v: JsonValue = { window: [1, 2], count: 2 };
 * JSON.parse(JSON.stringify(v)) // => { count: 2 }
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * A stateful transform of the Euclidean gradients of one optimizer step, e.g. a preconditioner
 * g ↦ F⁻¹g. The optimizer concatenates the gradients of the parameters that have one, in
 * the order given to `step` (row-major each), passes the flat vector to `apply`, and uses the
 * result in place of the gradients; weight decay is added after the transform. A transform
 * that keeps a size-dependent state throws a ShapeError when the length changes.
 *
 * @example
 * // a fixed diagonal preconditioner g ↦ g ⊘ d
 * const d = Float64Array.from([1, 10]);
 * const diagonal: GradientTransform = {
 *   name: 'diagonal',
 *   apply(g, out) { for (let i = 0; i < g.length; i++) out[i] = g[i] / d[i]; return out; },
 *   state: () => null, loadState() {}, reset() {},
 * };
 * const opt = sgd({ lr: 1, precondition: diagonal });
 * const x = Float64Array.from([1, 1]);
 * opt.stepInPlace(x, Float64Array.from([1, 1]));
 * x // => [0, 0.9]
 */
export interface GradientTransform {
  readonly name: string;
  /** write the transformed gradient of `g` (not modified) into `out` and return it */
  apply(g: Float64Array, out: Float64Array): Float64Array;
  /** a JSON-serializable snapshot of the transform's state */
  state(): JsonValue;
  /** restore a snapshot taken by `state()` */
  loadState(state: JsonValue): void;
  /** forget the state */
  reset(): void;
}

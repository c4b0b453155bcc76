// M-FAC as a gradient transform: g ↦ F⁻¹g with F the damped empirical Fisher of a sliding window of the last m gradients (Frantar, Kurtic & Alistarh 2021, "M-FAC", §3.2 and §4).
import { checkInteger, checkPositive, InvalidArgumentError, ShapeError } from '@rg/linalg';
import type { GradientTransform, JsonValue } from '@rg/optim';
import { SlidingWindowMFAC } from './sliding-window-mfac.js';

/** Options of {@link mfacPreconditioner}. */
export interface MfacPreconditionerOptions {
  /** gradient window length (default 1024, the paper's optimizer setting) */
  m?: number;
  /** damping λ > 0 (default 1e-5) */
  damp?: number;
}

/** the JSON state: the window in slot order and how many gradients were added */
interface WindowState {
  readonly dim: number;
  readonly added: number;
  readonly gradients: number[];
}

/**
 * The M-FAC preconditioner as a {@link GradientTransform} of @rg/optim: each `apply(g)` adds g to
 * a {@link SlidingWindowMFAC} (evicting the oldest of m gradients) and returns F⁻¹g with
 * `F = λI + (1/c) Σ gᵢgᵢᵀ` over the c ≤ m gradients in the window. Pass it as `precondition`
 * to `sgd` of @rg/optim for the paper's M-FAC optimizer (weight decay is then added after the
 * preconditioning). The window is sized on the first call. `state()` holds the window (c·d
 * numbers); `loadState` rebuilds it by re-adding the gradients in their slots, which costs about
 * as much as m + (added mod m) steps and reproduces F⁻¹g bit for bit.
 *
 * @param options - `m` (default 1024), `damp` λ (default 1e-5)
 * @throws {InvalidArgumentError} on m < 1 or damp ≤ 0; `apply` throws ShapeError when the
 *   gradient length changes (call `reset()` first)
 * @example
 * import { sgd } from '@rg/optim';
 * const opt = sgd({ lr: 1, precondition: mfacPreconditioner({ m: 4, damp: 1 }) });
 * const p = Float64Array.from([1, 1]);
 * opt.stepInPlace(p, Float64Array.from([1, 0])); // F = I + e₁e₁ᵀ, F⁻¹g = [0.5, 0]
 * p // => ~[0.5, 1]
 */
export function mfacPreconditioner(options: MfacPreconditionerOptions = {}): GradientTransform {
  const fn = 'mfacPreconditioner';
  if (!options || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const { m = 1024, damp = 1e-5 } = options;
  checkInteger(fn, 'm', m, 1);
  checkPositive(fn, 'damp', damp);
  let window: SlidingWindowMFAC | null = null;
  let added = 0;
  return {
    name: 'mfac',
    apply(g: Float64Array, out: Float64Array): Float64Array {
      if (!window) window = new SlidingWindowMFAC({ dim: g.length, m, damp });
      else if (window.dim !== g.length)
        throw new ShapeError(
          `${fn}(): the gradient has length ${g.length} but the window holds gradients of length ${window.dim} (reset() first)`,
        );
      window.add(g);
      added++;
      return window.ihvp(g, out);
    },
    state(): JsonValue {
      if (!window) return null;
      return { dim: window.dim, added, gradients: Array.from(window.gradients().data) };
    },
    loadState(state: JsonValue): void {
      const where = `${fn}().loadState`;
      if (state === null) {
        window = null;
        added = 0;
        return;
      }
      const s = state as unknown as WindowState;
      if (
        !s ||
        typeof s !== 'object' ||
        !Number.isInteger(s.dim) ||
        s.dim < 1 ||
        !Number.isInteger(s.added) ||
        s.added < 1 ||
        !Array.isArray(s.gradients) ||
        s.gradients.length !== Math.min(s.added, m) * s.dim
      )
        throw new InvalidArgumentError(
          `${where}(): state must come from state() of an M-FAC preconditioner with m = ${m}`,
        );
      const count = Math.min(s.added, m);
      const rows = Array.from({ length: count }, (_, r) =>
        Float64Array.from(s.gradients.slice(r * s.dim, (r + 1) * s.dim)),
      );
      // Gradient number t sits in slot t mod m. Re-adding the slots in order, and then the first
      // (added mod m) slots once more, leaves every slot, the next slot to overwrite and every
      // Gram entry (a dot product of two slots, whichever came last) exactly as they were.
      const next = new SlidingWindowMFAC({ dim: s.dim, m, damp });
      for (const row of rows) next.add(row);
      if (s.added > m) for (let r = 0; r < s.added % m; r++) next.add(rows[r]);
      window = next;
      added = s.added;
    },
    reset(): void {
      window = null;
      added = 0;
    },
  };
}

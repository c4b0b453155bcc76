// Adam's update (Kingma & Ba 2015, Algorithm 1) with AMSGrad (Reddi, Kale & Kumar 2018) and
// decoupled weight decay (Loshchilov & Hutter 2019); on curved manifolds the first moment is a
// transported tangent vector and the second moment the scalar squared Riemannian norm
// (Bécigneul & Ganea 2019, "Riemannian adaptive optimization methods", Algorithm 1).
import {
  axpy,
  checkInRange,
  checkPositive,
  InvalidArgumentError,
  type Matrix,
  scale,
} from '@rg/linalg';
import type { Manifold } from '../manifold.js';
import type { Slot, UpdateRule } from './engine.js';

export interface AdamSettings {
  beta1: number;
  beta2: number;
  eps: number;
  amsgrad: boolean;
  /** decoupled weight decay (AdamW); 0 for Adam */
  weightDecay: number;
}

/** validate the options Adam and AdamW share */
export function adamSettings(
  fn: string,
  options: { beta1?: number; beta2?: number; eps?: number; amsgrad?: boolean },
): Omit<AdamSettings, 'weightDecay'> {
  const beta1 = checkInRange(fn, 'beta1', options.beta1 ?? 0.9, 0, 1, false, true);
  const beta2 = checkInRange(fn, 'beta2', options.beta2 ?? 0.999, 0, 1, false, true);
  const eps = checkPositive(fn, 'eps', options.eps ?? 1e-8);
  const amsgrad = options.amsgrad ?? false;
  if (typeof amsgrad !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): amsgrad must be a boolean (got ${String(amsgrad)})`);
  return { beta1, beta2, eps, amsgrad };
}

export function adamRule(kind: string, s: AdamSettings): UpdateRule {
  const { beta1, beta2, eps, amsgrad, weightDecay } = s;
  return {
    kind,
    secondMoment: true,
    maxSecondMoment: amsgrad,
    flat(slot: Slot, x: Float64Array, g: Float64Array, eta: number): void {
      const n = x.length;
      if (!slot.moment || !slot.second) {
        slot.moment = new Float64Array(n);
        slot.second = new Float64Array(n);
      }
      if (amsgrad && !slot.maxSecond) slot.maxSecond = new Float64Array(n);
      const m = slot.moment;
      const v = slot.second;
      const vmax = slot.maxSecond as Float64Array;
      const c1 = 1 - beta1 ** slot.t;
      const c2 = 1 - beta2 ** slot.t;
      const decay = 1 - eta * weightDecay;
      for (let i = 0; i < n; i++) {
        const gi = g[i];
        m[i] = beta1 * m[i] + (1 - beta1) * gi;
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
        let vi = v[i];
        if (amsgrad) {
          if (vi > vmax[i]) vmax[i] = vi;
          else vi = vmax[i];
        }
        // AdamW shrinks the parameter before the Adam step, as PyTorch does
        if (weightDecay !== 0) x[i] *= decay;
        x[i] -= (eta * (m[i] / c1)) / (Math.sqrt(vi / c2) + eps);
      }
    },
    curved(slot: Slot, manifold: Manifold, x: Matrix, egrad: Matrix, eta: number): Matrix {
      const xi = manifold.riemannianGradient(x, egrad);
      const c1 = 1 - beta1 ** slot.t;
      const c2 = 1 - beta2 ** slot.t;
      const m: Matrix = slot.moment
        ? {
            rows: xi.rows,
            cols: xi.cols,
            data: axpy(beta1, slot.moment, scale(xi, 1 - beta1).data),
          }
        : scale(xi, 1 - beta1);
      const v = beta2 * slot.secondScalar + (1 - beta2) * manifold.inner(x, xi, xi);
      let vd = v;
      if (amsgrad) {
        if (v > slot.maxSecondScalar) slot.maxSecondScalar = v;
        else vd = slot.maxSecondScalar;
      }
      const a = eta / c1 / (Math.sqrt(vd / c2) + eps);
      let direction = scale(m, -a);
      if (weightDecay !== 0) {
        const d = manifold.weightDecay
          ? manifold.weightDecay(x)
          : manifold.riemannianGradient(x, x);
        direction = {
          rows: direction.rows,
          cols: direction.cols,
          data: axpy(-eta * weightDecay, d.data, direction.data),
        };
      }
      const next = manifold.retract(x, direction);
      slot.moment = manifold.transport(x, next, m).data;
      slot.secondScalar = v;
      return next;
    },
  };
}

// Per-sample losses on network outputs, with the gradient and Hessian-vector
// product in output space that backprop, the R-operator and the Gauss–Newton /
// Fisher products need. Rows are samples.
import { sigmoid, softmaxRow, softplus } from '@rg/linalg/kernels';

/** Names of the losses {@link mlpObjective} supports. */
export type LossName = 'mse' | 'softmaxCrossEntropy' | 'logistic';

export interface LossKernel {
  /** Σ_i ℓ(f_i, y_i) over the n rows */
  sum(f: Float64Array, y: Float64Array, n: number, k: number): number;
  /** out_i = ∇_f ℓ(f_i, y_i) */
  grad(f: Float64Array, y: Float64Array, n: number, k: number, out: Float64Array): void;
  /** out_i = ∇²_f ℓ(f_i, y_i) v_i */
  hvp(
    f: Float64Array,
    y: Float64Array,
    v: Float64Array,
    n: number,
    k: number,
    out: Float64Array,
  ): void;
}

export const LOSSES: Record<LossName, LossKernel> = {
  // ½‖f − y‖²: the ½ makes the Hessian of a linear least-squares model exactly XᵀX/n
  mse: {
    sum(f, y, n, k) {
      let s = 0;
      for (let i = 0; i < n * k; i++) {
        const r = f[i] - y[i];
        s += r * r;
      }
      return 0.5 * s;
    },
    grad(f, y, n, k, out) {
      for (let i = 0; i < n * k; i++) out[i] = f[i] - y[i];
    },
    hvp(_f, _y, v, n, k, out) {
      for (let i = 0; i < n * k; i++) out[i] = v[i];
    },
  },
  // −Σ_c y_c log softmax(f)_c for targets y that are one-hot or probabilities
  softmaxCrossEntropy: {
    sum(f, y, n, k) {
      const p = new Float64Array(k);
      let s = 0;
      for (let i = 0; i < n; i++) {
        const lse = softmaxRow(f, i * k, k, p, 0);
        for (let c = 0; c < k; c++) s += y[i * k + c] * (lse - f[i * k + c]);
      }
      return s;
    },
    grad(f, y, n, k, out) {
      const p = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        softmaxRow(f, i * k, k, p, 0);
        let ys = 0;
        for (let c = 0; c < k; c++) ys += y[i * k + c];
        for (let c = 0; c < k; c++) out[i * k + c] = ys * p[c] - y[i * k + c];
      }
    },
    hvp(f, y, v, n, k, out) {
      // (Σ y) (diag p − p pᵀ) v
      const p = new Float64Array(k);
      for (let i = 0; i < n; i++) {
        softmaxRow(f, i * k, k, p, 0);
        let ys = 0;
        let pv = 0;
        for (let c = 0; c < k; c++) {
          ys += y[i * k + c];
          pv += p[c] * v[i * k + c];
        }
        for (let c = 0; c < k; c++) out[i * k + c] = ys * p[c] * (v[i * k + c] - pv);
      }
    },
  },
  // binary cross-entropy on logits, one independent Bernoulli per output column
  logistic: {
    sum(f, y, n, k) {
      let s = 0;
      for (let i = 0; i < n * k; i++) s += softplus(f[i]) - y[i] * f[i];
      return s;
    },
    grad(f, y, n, k, out) {
      for (let i = 0; i < n * k; i++) out[i] = sigmoid(f[i]) - y[i];
    },
    hvp(f, _y, v, n, k, out) {
      for (let i = 0; i < n * k; i++) {
        const s = sigmoid(f[i]);
        out[i] = s * (1 - s) * v[i];
      }
    },
  },
};

/**
 * Softmax cross-entropy with integer targets: y holds one class index per row (n entries,
 * stored as numbers), or −1 for an ignored row (padding), which contributes nothing. The same
 * loss as `softmaxCrossEntropy` with a one-hot target row (and a zero row when ignored).
 */
export const SPARSE_SOFTMAX_CROSS_ENTROPY: LossKernel = {
  sum(f, y, n, k) {
    const p = new Float64Array(k);
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (y[i] < 0) continue;
      s += softmaxRow(f, i * k, k, p, 0) - f[i * k + y[i]];
    }
    return s;
  },
  grad(f, y, n, k, out) {
    const p = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      if (y[i] < 0) {
        out.fill(0, i * k, (i + 1) * k);
        continue;
      }
      softmaxRow(f, i * k, k, p, 0);
      for (let c = 0; c < k; c++) out[i * k + c] = p[c];
      out[i * k + y[i]] -= 1;
    }
  },
  hvp(f, y, v, n, k, out) {
    // (diag p − p pᵀ) v
    const p = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      if (y[i] < 0) {
        out.fill(0, i * k, (i + 1) * k);
        continue;
      }
      softmaxRow(f, i * k, k, p, 0);
      let pv = 0;
      for (let c = 0; c < k; c++) pv += p[c] * v[i * k + c];
      for (let c = 0; c < k; c++) out[i * k + c] = p[c] * (v[i * k + c] - pv);
    }
  },
};

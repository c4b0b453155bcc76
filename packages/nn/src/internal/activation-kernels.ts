// Elementwise activations with their first and second derivatives, as needed by
// backprop (f') and by Pearlmutter's R-operator (f'').
import { sigmoid, softplus } from '@rg/linalg/kernels';

/** Names of the activations an {@link mlp} layer can use. */
export type ActivationName = 'tanh' | 'relu' | 'softplus' | 'gelu' | 'sigmoid' | 'identity';

export interface ActivationKernel {
  f(x: number): number;
  /** f'(x) given also fx = f(x), so saturating activations need no second transcendental */
  d1(x: number, fx: number): number;
  /** f''(x) given also fx = f(x) */
  d2(x: number, fx: number): number;
  /** f'' ≡ 0: the R-operator can skip the curvature term of this layer */
  linearPieces: boolean;
  /**
   * y = f(x) and d1 = f'(x) over whole arrays in one loop, sharing the transcendental between
   * f and f' (gelu's tanh); the same numbers as `f` and `d1` entry by entry
   */
  forward(x: Float64Array, y: Float64Array, d1: Float64Array): void;
}

/** `forward` from the scalar f and d1 */
function entrywise(k: Pick<ActivationKernel, 'f' | 'd1'>): ActivationKernel['forward'] {
  return (x, y, d1) => {
    for (let i = 0; i < x.length; i++) {
      const fx = k.f(x[i]);
      y[i] = fx;
      d1[i] = k.d1(x[i], fx);
    }
  };
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/**
 * tanh(u) as 1 − 2/(e^{2u} + 1): one exp, about half the time of Math.tanh in V8. Accurate to
 * rounding in absolute terms (not relative, for |u| ≪ 1), which is all gelu needs: it uses
 * 1 + t and 1 − t², both O(1). Overflow of e^{2u} gives t = 1, underflow t = −1.
 */
function geluTanh(u: number): number {
  return 1 - 2 / (Math.exp(2 * u) + 1);
}

const identityF = (x: number) => x;
const reluF = (x: number) => Math.max(x, 0);
// subgradient 0 at the kink, the convention of PyTorch and JAX
const reluD1 = (x: number) => (x > 0 ? 1 : 0);
const tanhD1 = (_x: number, t: number) => 1 - t * t;
const sigmoidD1 = (_x: number, s: number) => s * (1 - s);
// tanh approximation of Hendrycks & Gimpel (PyTorch approximate='tanh'):
// smooth with closed-form f' and f'', which the exact-erf form lacks in Math
const geluF = (x: number) => 0.5 * x * (1 + geluTanh(GELU_C * (x + GELU_A * x * x * x)));
const geluD1 = (x: number) => {
  const t = geluTanh(GELU_C * (x + GELU_A * x * x * x));
  const du = GELU_C * (1 + 3 * GELU_A * x * x);
  return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
};

export const ACTIVATIONS: Record<ActivationName, ActivationKernel> = {
  identity: {
    f: identityF,
    d1: () => 1,
    d2: () => 0,
    linearPieces: true,
    forward(x, y, d1) {
      y.set(x);
      d1.fill(1);
    },
  },
  relu: {
    f: reluF,
    d1: reluD1,
    d2: () => 0,
    linearPieces: true,
    forward(x, y, d1) {
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        y[i] = Math.max(v, 0);
        d1[i] = v > 0 ? 1 : 0;
      }
    },
  },
  tanh: {
    f: Math.tanh,
    d1: tanhD1,
    d2: (_x, t) => -2 * t * (1 - t * t),
    linearPieces: false,
    forward(x, y, d1) {
      for (let i = 0; i < x.length; i++) {
        const t = Math.tanh(x[i]);
        y[i] = t;
        d1[i] = 1 - t * t;
      }
    },
  },
  sigmoid: {
    f: sigmoid,
    d1: sigmoidD1,
    d2: (_x, s) => s * (1 - s) * (1 - 2 * s),
    linearPieces: false,
    forward: entrywise({ f: sigmoid, d1: sigmoidD1 }),
  },
  softplus: {
    // log(1 + e^x) without overflow for large x and without cancellation for small x
    f: softplus,
    d1: sigmoid,
    d2: (x) => {
      const s = sigmoid(x);
      return s * (1 - s);
    },
    linearPieces: false,
    forward: entrywise({ f: softplus, d1: sigmoid }),
  },
  gelu: {
    f: geluF,
    d1: geluD1,
    forward(x, y, d1) {
      // one tanh for f and f' (the same expressions as geluF and geluD1)
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        const t = geluTanh(GELU_C * (v + GELU_A * v * v * v));
        const du = GELU_C * (1 + 3 * GELU_A * v * v);
        y[i] = 0.5 * v * (1 + t);
        d1[i] = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * du;
      }
    },
    d2: (x) => {
      const t = geluTanh(GELU_C * (x + GELU_A * x * x * x));
      const du = GELU_C * (1 + 3 * GELU_A * x * x);
      const ddu = 6 * GELU_C * GELU_A * x;
      return (1 - t * t) * (du + 0.5 * x * (ddu - 2 * t * du * du));
    },
    linearPieces: false,
  },
};

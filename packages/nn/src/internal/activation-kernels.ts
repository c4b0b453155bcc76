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
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

export const ACTIVATIONS: Record<ActivationName, ActivationKernel> = {
  identity: { f: (x) => x, d1: () => 1, d2: () => 0, linearPieces: true },
  relu: {
    f: (x) => Math.max(x, 0),
    // subgradient 0 at the kink, the convention of PyTorch and JAX
    d1: (x) => (x > 0 ? 1 : 0),
    d2: () => 0,
    linearPieces: true,
  },
  tanh: {
    f: Math.tanh,
    d1: (_x, t) => 1 - t * t,
    d2: (_x, t) => -2 * t * (1 - t * t),
    linearPieces: false,
  },
  sigmoid: {
    f: sigmoid,
    d1: (_x, s) => s * (1 - s),
    d2: (_x, s) => s * (1 - s) * (1 - 2 * s),
    linearPieces: false,
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
  },
  gelu: {
    // tanh approximation of Hendrycks & Gimpel (PyTorch approximate='tanh'):
    // smooth with closed-form f' and f'', which the exact-erf form lacks in Math
    f: (x) => 0.5 * x * (1 + Math.tanh(GELU_C * (x + GELU_A * x * x * x))),
    d1: (x) => {
      const t = Math.tanh(GELU_C * (x + GELU_A * x * x * x));
      const du = GELU_C * (1 + 3 * GELU_A * x * x);
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * du;
    },
    d2: (x) => {
      const t = Math.tanh(GELU_C * (x + GELU_A * x * x * x));
      const du = GELU_C * (1 + 3 * GELU_A * x * x);
      const ddu = 6 * GELU_C * GELU_A * x;
      return (1 - t * t) * (du + 0.5 * x * (ddu - 2 * t * du * du));
    },
    linearPieces: false,
  },
};

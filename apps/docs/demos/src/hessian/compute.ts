// The numbers behind the Hessian-spectrum demo, shared by the page and the Node test: a small
// MLP classifier trained a few epochs at a time; after each chunk, the Hessian eigenvalue
// density at the current parameters by stochastic Lanczos quadrature (exact Hessian-vector
// products by the R-operator).
import { fromRows, type Matrix, rng } from '@rg/linalg';
import { spectralDensity } from '@rg/hessian';
import { type MlpObjective, mlp, mlpObjective, train } from '@rg/nn';

/** The settings the page exposes. */
export interface HessianSettings {
  seed: number;
  /** epochs of training between two spectra */
  epochsPerFrame: number;
  /** spectra to compute (the first at initialization) */
  frames: number;
}

/** One spectrum: after `epoch` epochs, the training loss and the density on its grid. */
export interface SpectrumFrame {
  epoch: number;
  loss: number;
  grid: number[];
  density: number[];
  /** quadrature nodes (Ritz values) and weights */
  nodes: number[];
  weights: number[];
  /** width of the Gaussian that smooths each node into the density */
  sigma: number;
}

/** Three Gaussian blobs in 4 dimensions, 20 points each, one-hot labels. */
export function blobs(seed: number): { X: Matrix; Y: Matrix } {
  const r = rng(seed);
  const k = 3;
  const d = 4;
  const centres = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => 1.5 * r.normal()),
  );
  const x: number[][] = [];
  const y: number[][] = [];
  for (let c = 0; c < k; c++)
    for (let i = 0; i < 20; i++) {
      x.push(centres[c].map((m) => m + r.normal()));
      y.push(Array.from({ length: k }, (_, j) => (j === c ? 1 : 0)));
    }
  return { X: fromRows(x), Y: fromRows(y) };
}

/** The objective the demo trains: a 4-16-3 tanh MLP with softmax cross-entropy. */
export function objective(seed: number): MlpObjective {
  const { X, Y } = blobs(seed);
  const net = mlp({ sizes: [4, 16, 3], activation: 'tanh', seed });
  return mlpObjective(net, X, Y, { loss: 'softmaxCrossEntropy' });
}

/** The spectrum at `params` (30 Lanczos steps, 2 probes, 160 grid points). */
export function spectrum(
  f: MlpObjective,
  params: Float64Array,
  epoch: number,
  seed: number,
): SpectrumFrame {
  const s = spectralDensity(f, params, { steps: 30, samples: 2, grid: 160, seed });
  return {
    epoch,
    loss: f.value(params),
    grid: Array.from(s.grid),
    density: Array.from(s.density),
    nodes: Array.from(s.nodes),
    weights: Array.from(s.weights),
    sigma: s.sigma,
  };
}

/**
 * A generator of frames: the spectrum at initialization, then after each chunk of training
 * (full-batch Adam with train's defaults, continued from the previous chunk's parameters).
 */
export function* hessianFrames(s: HessianSettings): Generator<SpectrumFrame> {
  const f = objective(s.seed);
  let params: Float64Array = Float64Array.from(f.net.params);
  yield spectrum(f, params, 0, s.seed);
  for (let k = 1; k < s.frames; k++) {
    params = train(f, { epochs: s.epochsPerFrame, x0: params }).params;
    yield spectrum(f, params, k * s.epochsPerFrame, s.seed);
  }
}

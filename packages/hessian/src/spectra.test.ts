import {
  AbortError,
  InvalidArgumentError,
  type Matrix,
  matvec,
  randomOrthogonal,
  rng,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  finiteDifferenceHVP,
  hessianEigenvalues,
  hessianTrace,
  type Objective,
  spectralDensity,
  stabilityReport,
} from '../src/index.js';

/** f(x) = ½ xᵀ Q Λ Qᵀ x with the given spectrum (Q random orthogonal). */
function quadratic(spectrum: number[], seed: number): Objective & { H: Matrix } {
  const n = spectrum.length;
  const Q = randomOrthogonal(n, rng(seed));
  const H = { rows: n, cols: n, data: new Float64Array(n * n) };
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Q.data[i * n + k] * spectrum[k] * Q.data[j * n + k];
      H.data[i * n + j] = s;
    }
  const hvp = (_x: Float64Array, v: Float64Array, out: Float64Array = new Float64Array(n)) => {
    out.set(matvec(H, v));
    return out;
  };
  return {
    dim: n,
    H,
    value: (x) => 0.5 * x.reduce((s, xi, i) => s + xi * hvp(x, x)[i], 0),
    grad: (x, out) => hvp(x, x, out),
    hvp,
  };
}

// a bulk near zero plus three outliers, like a trained classifier's Hessian
const spectrum = [40, 25, 10, ...Array.from({ length: 27 }, (_, i) => 0.01 * (i - 5))];
const f = quadratic(spectrum, 1);
const x = new Float64Array(f.dim);

describe('hessianEigenvalues', () => {
  it("method 'power' (deflation) recovers the top 3 of a quadratic within tol-driven error", () => {
    const r = hessianEigenvalues(f, x, { k: 3, tol: 1e-8, maxIter: 1000 });
    // relative change < 1e-8 per step with ratios λ₂/λ₁ ≤ 0.63 puts the error below ~1e-7
    expect(Array.from(r.values).map((v) => +v.toFixed(5))).toEqual([40, 25, 10]);
    expect(r.converged).toBe(true);
    // The iteration stops once the Rayleigh quotient moves by < tol relative. With the error
    // along the next eigenvector (ratio q = λ_{j+1}/λ_j per step) a step moves it by
    // (λ_j − λ_{j+1}) sin²θ (1 − q²), so sin²θ ≤ tol·λ_j / ((λ_j − λ_{j+1})(1 − q²)) before the
    // last step, and the residual ‖Hv − ρv‖ is (λ_j − λ_{j+1}) sin θ: 7.9e-5, 8.5e-5, 9.9e-5
    // relative for the three pairs (the bulk's top is 0.21). The last step shrinks sin θ by q
    // once more: the room left for what deflation against the earlier, inexact vectors adds
    // (measured 3.1e-5, 5.3e-5, 4.7e-5).
    const next = [25, 10, 0.21];
    for (let j = 0; j < 3; j++) {
      const hv = f.hvp?.(x, r.vectors[j]) as Float64Array;
      const res = Math.sqrt(
        hv.reduce((s, t, i) => s + (t - r.values[j] * r.vectors[j][i]) ** 2, 0),
      );
      const gap = spectrum[j] - next[j];
      const q = next[j] / spectrum[j];
      const sinTheta = Math.sqrt((1e-8 * spectrum[j]) / (gap * (1 - q * q)));
      expect(res / r.values[j]).toBeLessThan((gap * sinTheta) / spectrum[j]);
    }
  });

  it("method 'lanczos' with maxIter ≥ dim gives the top eigenvalues to rounding", () => {
    const r = hessianEigenvalues(f, x, { k: 3, method: 'lanczos', maxIter: 30 });
    // full reorthogonalization: Ritz values are backward stable, error ~ n·ε·λ_max
    for (let j = 0; j < 3; j++) expect(Math.abs(r.values[j] - spectrum[j])).toBeLessThan(1e-11);
    expect(r.converged).toBe(true);
  });

  it('returns the largest magnitudes first, including negative ones', () => {
    const g = quadratic([-7, 3, 1, 0.5], 2);
    const r = hessianEigenvalues(g, new Float64Array(4), { k: 2, method: 'lanczos', maxIter: 4 });
    expect(Array.from(r.values).map((v) => +v.toFixed(10))).toEqual([-7, 3]);
  });

  it('throws typed errors: no hvp, k > dim, unknown method, strict non-convergence', () => {
    const noHvp = { dim: 2, value: () => 0, grad: (z: Float64Array) => z };
    expect(() => hessianEigenvalues(noHvp, new Float64Array(2))).toThrow(InvalidArgumentError);
    expect(() => hessianEigenvalues(f, x, { k: 31 })).toThrow(InvalidArgumentError);
    // @ts-expect-error an unknown method
    expect(() => hessianEigenvalues(f, x, { method: 'qr' })).toThrow(InvalidArgumentError);
    expect(() => hessianEigenvalues(f, x, { k: 3, maxIter: 2, strict: true })).toThrow(
      /did not reach/,
    );
    expect(() => hessianEigenvalues(f, new Float64Array(3))).toThrow(/length 30/);
    // an hvp that ignores `out` and returns a fresh array still works
    const fresh = {
      dim: 2,
      value: () => 0,
      grad: (z: Float64Array) => z,
      hvp: (_z: Float64Array, v: Float64Array) => Float64Array.from([2 * v[0], v[1]]),
    };
    expect(
      hessianEigenvalues(fresh, new Float64Array(2), { method: 'lanczos', maxIter: 2 }).values[0],
    ).toBeCloseTo(2, 12);
  });
});

describe('hessianTrace', () => {
  it('hessianTrace(f, x) is within 4 standard errors of tr(H) and exact for diagonal H', () => {
    const tr = spectrum.reduce((a, b) => a + b, 0);
    const r = hessianTrace(f, x, { samples: 300, seed: 1 });
    expect(Math.abs(r.estimate - tr)).toBeLessThan(4 * r.standardError);
    const d = finiteDifferenceHVP({
      dim: 3,
      value: () => 0,
      grad: (z) => Float64Array.from([z[0], 2 * z[1], 3 * z[2]]),
    });
    // zᵀ diag(h) z = Σ h_i for every ±1 vector z; only the FD rounding remains
    expect(hessianTrace(d, new Float64Array(3), { samples: 5 }).estimate).toBeCloseTo(6, 8);
  });
});

describe('spectralDensity', () => {
  it('with steps ≥ dim the nodes are the eigenvalues and the weights sum to 1', () => {
    const r = spectralDensity(f, x, { steps: 30, samples: 2 });
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
    // every eigenvalue appears among each probe's Ritz values (Lanczos with full
    // reorthogonalization on a 30-dim space terminates exactly)
    for (const lam of spectrum) {
      const hits = Array.from(r.nodes).filter((v) => Math.abs(v - lam) < 1e-9).length;
      expect(hits).toBe(2);
    }
    // the weight of an eigenvalue is (qᵀz)²/‖z‖² averaged over probes: ≈ 1/dim on average
    const top = Array.from(r.nodes)
      .map((v, i) => [v, r.weights[i]])
      .filter(([v]) => v > 39);
    expect(top.length).toBe(2);
  });

  it('the smoothed density integrates to 1 and has mass near the outliers', () => {
    const r = spectralDensity(f, x, { steps: 30, sigma: 0.5, grid: 4000 });
    let integral = 0;
    for (let i = 1; i < r.grid.length; i++)
      integral += 0.5 * (r.density[i] + r.density[i - 1]) * (r.grid[i] - r.grid[i - 1]);
    // trapezoid error with step ≪ σ is far below 1e-6
    expect(integral).toBeCloseTo(1, 6);
    const at = (t: number) => r.density[r.grid.findIndex((g) => g >= t)];
    expect(at(40)).toBeGreaterThan(100 * at(32));
  });

  it('fewer steps than dim still gives a probability measure (Gauss quadrature)', () => {
    const r = spectralDensity(f, x, { steps: 8, samples: 3, seed: 4 });
    expect(r.nodes.length).toBe(24);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
    expect(Math.max(...r.nodes)).toBeCloseTo(40, 6);
  });
});

describe('stabilityReport', () => {
  it('compares λ_max and tr(H) with 2/η', () => {
    const g = quadratic([3, 1, 0.5, 0.5], 3);
    const r = stabilityReport(g, new Float64Array(4), { lr: 0.5, samples: 400 });
    expect(r.threshold).toBe(4);
    // power iteration at its default tol 1e-3 (relative change of the Rayleigh quotient): the
    // error e shrinks by q² = (1/3)² per step, so a step that moves it by < tol·λ leaves
    // e ≤ tol·λ·q²/(1 − q²) = 3.75e-4 (measured 1e-4; 3.6e-4 with seed 3)
    expect(Math.abs(r.lambdaMax - 3)).toBeLessThanOrEqual((3 * 1e-3 * (1 / 9)) / (8 / 9));
    expect(r.gdStable).toBe(true);
    // tr = 5 > 4: unstable for SGD though stable for GD
    expect(Math.abs(r.trace - 5)).toBeLessThan(4 * r.traceStandardError);
    expect(r.sgdStable).toBe(false);
    expect(stabilityReport(g, new Float64Array(4), { lr: 0.8 }).gdStable).toBe(false);
    expect(() => stabilityReport(g, new Float64Array(4), { lr: 0 })).toThrow(InvalidArgumentError);
  });
});

describe('spectral tools: inputs and cancellation', () => {
  it('never mutate x and stop with AbortError on an aborted signal', () => {
    const x1 = Float64Array.from({ length: f.dim }, (_, i) => i / 10);
    const before = Array.from(x1);
    hessianEigenvalues(f, x1, { k: 2 });
    hessianEigenvalues(f, x1, { k: 2, method: 'lanczos' });
    hessianTrace(f, x1, { samples: 3 });
    spectralDensity(f, x1, { steps: 5 });
    expect(Array.from(x1)).toEqual(before);
    const signal = AbortSignal.abort();
    expect(() => hessianEigenvalues(f, x1, { signal })).toThrow(AbortError);
    expect(() => hessianTrace(f, x1, { signal })).toThrow(AbortError);
    expect(() => spectralDensity(f, x1, { signal })).toThrow(AbortError);
  });
});

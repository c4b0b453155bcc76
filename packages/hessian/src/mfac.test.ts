import {
  InvalidArgumentError,
  inverse,
  type Matrix,
  NonFiniteError,
  rng,
  ShapeError,
  solve,
} from '@rg/linalg';
import { mlp, train } from '@rg/nn';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mfacOptimizer, SlidingWindowMFAC, StaticMFAC } from '../src/index.js';

function gaussian(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

/** the dense oracle λI + GᵀG/m */
function denseFisher(G: Matrix, damp: number): Matrix {
  const { rows: m, cols: d } = G;
  const F = { rows: d, cols: d, data: new Float64Array(d * d) };
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let r = 0; r < m; r++) s += G.data[r * d + i] * G.data[r * d + j];
      F.data[i * d + j] = s / m + (i === j ? damp : 0);
    }
  return F;
}

const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
};

describe('StaticMFAC', () => {
  // cond(F) ≤ 1 + σ_max(G)²/(mλ) ≈ 1e4 at λ = 1e-3 here, so both solvers agree to ~1e-12
  it.each([1, 1e-1, 1e-3])(
    'ihvp(v) equals a dense solve of (λI + GᵀG/m) x = v (λ = %s)',
    (damp) => {
      const G = gaussian(8, 20, 1);
      const F = new StaticMFAC(G, { damp });
      const v = gaussian(1, 20, 2).data;
      expect(relErr(F.ihvp(v), solve(denseFisher(G, damp), v))).toBeLessThan(1e-10);
    },
  );

  it('diagonal() and entry(i, j) equal the dense inverse', () => {
    const G = gaussian(6, 12, 3);
    const F = new StaticMFAC(G, { damp: 0.05 });
    const inv = inverse(denseFisher(G, 0.05));
    const diag = Array.from({ length: 12 }, (_, i) => inv.data[i * 12 + i]);
    expect(relErr(F.diagonal(), diag)).toBeLessThan(1e-10);
    for (const [i, j] of [
      [0, 0],
      [3, 7],
      [11, 2],
    ])
      expect(Math.abs(F.entry(i, j) - inv.data[i * 12 + j])).toBeLessThan(
        1e-10 * Math.abs(inv.data[i * 12 + i]),
      );
  });

  it('pruningScores(w) are the OBS saliencies w_i² / (2 [F⁻¹]_ii)', () => {
    const G = gaussian(5, 7, 4);
    const F = new StaticMFAC(G, { damp: 0.1 });
    const w = gaussian(1, 7, 5).data;
    const inv = inverse(denseFisher(G, 0.1));
    const ref = Array.from(w, (wi, i) => (wi * wi) / (2 * inv.data[i * 7 + i]));
    expect(relErr(F.pruningScores(w), ref)).toBeLessThan(1e-10);
  });

  it('more gradients than dimensions (m > d) still matches the dense solve', () => {
    const G = gaussian(30, 6, 6);
    const v = gaussian(1, 6, 7).data;
    expect(
      relErr(new StaticMFAC(G, { damp: 1e-2 }).ihvp(v), solve(denseFisher(G, 1e-2), v)),
    ).toBeLessThan(1e-10);
  });

  it('bad input throws typed errors; inputs are not mutated', () => {
    const G = gaussian(3, 4, 8);
    const before = Array.from(G.data);
    const F = new StaticMFAC(G, { damp: 0.1 });
    expect(Array.from(G.data)).toEqual(before);
    expect(() => F.ihvp(new Float64Array(5))).toThrow(ShapeError);
    expect(() => F.ihvp(Float64Array.from([1, Number.NaN, 0, 0]))).toThrow(NonFiniteError);
    // out must be exactly d long (a longer one was written past d, a shorter one threw a RangeError)
    expect(() => F.ihvp(new Float64Array(4), new Float64Array(5))).toThrow(
      /StaticMFAC.ihvp\(\): out must be a Float64Array of length 4/,
    );
    expect(() => F.ihvp(new Float64Array(4), new Float64Array(3))).toThrow(ShapeError);
    const out = new Float64Array(4);
    const v = Float64Array.from([1, 2, 3, 4]);
    expect(F.ihvp(v, out)).toBe(out);
    expect(Array.from(out)).toEqual(Array.from(F.ihvp(v)));
    expect(() => F.entry(4, 0)).toThrow(InvalidArgumentError);
    expect(() => new StaticMFAC(G, { damp: 0 })).toThrow(InvalidArgumentError);
    expect(() => new StaticMFAC(G, { damp: -1 })).toThrow(InvalidArgumentError);
    const bad = { rows: 1, cols: 2, data: Float64Array.from([1, Number.POSITIVE_INFINITY]) };
    expect(() => new StaticMFAC(bad)).toThrow(NonFiniteError);
  });
});

describe('StaticMFAC: edge sizes and messages', () => {
  it('one parameter (d = 1): F = λ + (1/m)Σg², so ihvp(v) = v/(λ + mean g²) and diagonal() = 1/F', () => {
    const F = new StaticMFAC({ rows: 2, cols: 1, data: Float64Array.from([2, 1]) }, { damp: 0.5 });
    // λ + (4 + 1)/2 = 3: every quantity below is exact to a few roundings
    expect(F.ihvp(Float64Array.from([6]))[0]).toBeCloseTo(2, 14);
    expect(F.diagonal()[0]).toBeCloseTo(1 / 3, 14);
    expect(F.entry(0, 0)).toBeCloseTo(1 / 3, 14);
  });

  it('one gradient (m = 1) in d = 2: F = λI + ggᵀ is inverted by Sherman–Morrison', () => {
    // F⁻¹ = (I − ggᵀ/(λ + ‖g‖²))/λ with g = (1, 2), λ = 1: F⁻¹ = [[5, −2], [−2, 2]]/6
    const F = new StaticMFAC({ rows: 1, cols: 2, data: Float64Array.from([1, 2]) }, { damp: 1 });
    expect(F.entry(0, 1)).toBeCloseTo(-2 / 6, 14);
    expect(F.entry(1, 0)).toBeCloseTo(-2 / 6, 14);
    expect(Array.from(F.diagonal())).toEqual([
      expect.closeTo(5 / 6, 14),
      expect.closeTo(2 / 6, 14),
    ]);
    const out = new Float64Array(2);
    expect(F.ihvp(Float64Array.from([6, 0]), out)).toBe(out);
    expect(Array.from(out)).toEqual([expect.closeTo(5, 13), expect.closeTo(-2, 13)]);
  });

  it('empty gradients throw ShapeError naming the size', () => {
    const empty = (rows: number, cols: number) => ({
      rows,
      cols,
      data: new Float64Array(rows * cols),
    });
    expect(() => new StaticMFAC(empty(0, 3))).toThrow(
      /^StaticMFAC\(\): grads must have at least one row and column \(is 0×3\)$/,
    );
    expect(() => new StaticMFAC(empty(2, 0))).toThrow(ShapeError);
    expect(() => new StaticMFAC(empty(2, 0))).toThrow(/\(is 2×0\)$/);
  });

  it('messages name the method, the argument and the value', () => {
    const G = gaussian(3, 4, 8);
    const F = new StaticMFAC(G, { damp: 0.1 });
    const bad = { rows: 1, cols: 2, data: Float64Array.from([1, Number.NaN]) };
    expect(() => new StaticMFAC(bad)).toThrow(/^StaticMFAC\(\): grads\b/);
    expect(() => F.ihvp(new Float64Array(5))).toThrow(
      /^StaticMFAC\.ihvp\(\): v must be a Float64Array of length 4 \(got length 5\)$/,
    );
    expect(() => F.pruningScores(new Float64Array(3))).toThrow(
      /^StaticMFAC\.pruningScores\(\): w must be a Float64Array of length 4 \(got length 3\)$/,
    );
    expect(() => F.entry(-1, 0)).toThrow(
      /^StaticMFAC\.entry\(\): i must be an integer in \[0, 3\] \(got -1\)$/,
    );
    expect(() => F.entry(0, 1.5)).toThrow(
      /^StaticMFAC\.entry\(\): j must be an integer in \[0, 3\] \(got 1\.5\)$/,
    );
    expect(() => F.entry(0, 4)).toThrow(InvalidArgumentError);
    expect(() => F.entry(3, 3)).not.toThrow();
  });
});

describe('SlidingWindowMFAC', () => {
  it('after any sequence of adds, ihvp equals a static rebuild from the window (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 0, max: 1e6 }),
        fc.constantFrom(1, 0.1, 0.01),
        (m, dim, adds, seed, damp) => {
          const w = new SlidingWindowMFAC({ dim, m, damp });
          const all = gaussian(adds, dim, seed);
          for (let t = 0; t < adds; t++) w.add(all.data.slice(t * dim, (t + 1) * dim));
          const c = Math.min(adds, m);
          expect(w.size).toBe(c);
          // the last c gradients, in any order (F is a sum over them)
          const window = { rows: c, cols: dim, data: all.data.slice((adds - c) * dim) };
          const v = gaussian(1, dim, seed + 1).data;
          expect(relErr(w.ihvp(v), new StaticMFAC(window, { damp }).ihvp(v))).toBeLessThan(1e-10);
          expect(relErr(w.ihvp(v), solve(denseFisher(window, damp), v))).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('bad input throws typed errors', () => {
    expect(() => new SlidingWindowMFAC({ dim: 3, m: 2, damp: 0 })).toThrow(InvalidArgumentError);
    expect(() => new SlidingWindowMFAC({ dim: 0, m: 2 })).toThrow(InvalidArgumentError);
    const w = new SlidingWindowMFAC({ dim: 3, m: 2 });
    expect(() => w.add(new Float64Array(2))).toThrow(ShapeError);
    expect(() => w.add(Float64Array.from([0, Number.NaN, 1]))).toThrow(NonFiniteError);
    expect(() => w.ihvp(new Float64Array(4))).toThrow(ShapeError);
  });
});

describe('SlidingWindowMFAC: window contents, defaults and messages', () => {
  it('gradients() holds the last m gradients (in slot order), size counts up to m', () => {
    const w = new SlidingWindowMFAC({ dim: 2, m: 2, damp: 1 });
    expect(w.gradients()).toEqual({ rows: 0, cols: 2, data: new Float64Array(0) });
    w.add(Float64Array.from([1, 2]));
    expect(w.size).toBe(1);
    w.add(Float64Array.from([3, 4]));
    w.add(Float64Array.from([5, 6])); // evicts [1, 2] from slot 0
    expect(w.size).toBe(2);
    expect(w.gradients()).toEqual({ rows: 2, cols: 2, data: Float64Array.from([5, 6, 3, 4]) });
  });

  it('ihvp(v, out) writes into out; with one gradient F⁻¹ is Sherman–Morrison', () => {
    // F = λI + ggᵀ with g = (1, 2), λ = 1: F⁻¹ = (I − ggᵀ/6), so F⁻¹(6, 0) = (5, −2)
    const w = new SlidingWindowMFAC({ dim: 2, m: 3, damp: 1 });
    w.add(Float64Array.from([1, 2]));
    const out = new Float64Array(2);
    expect(w.ihvp(Float64Array.from([6, 0]), out)).toBe(out);
    expect(Array.from(out)).toEqual([expect.closeTo(5, 13), expect.closeTo(-2, 13)]);
  });

  it('damp defaults to 1e-5: an empty window gives v/λ', () => {
    const w = new SlidingWindowMFAC({ dim: 1, m: 1 });
    expect(w.damp).toBe(1e-5);
    expect(w.ihvp(Float64Array.from([1]))[0]).toBeCloseTo(1e5, 9);
  });

  it('messages name the class or method, the argument and the value', () => {
    expect(() => new SlidingWindowMFAC({ dim: 1.5, m: 2 })).toThrow(
      /^SlidingWindowMFAC\(\): dim must be an integer ≥ 1 \(got 1\.5\)$/,
    );
    expect(() => new SlidingWindowMFAC({ dim: 2, m: 0 })).toThrow(
      /^SlidingWindowMFAC\(\): m must be an integer ≥ 1 \(got 0\)$/,
    );
    expect(() => new SlidingWindowMFAC({ dim: 2, m: 1, damp: -1 })).toThrow(
      /^SlidingWindowMFAC\(\): damp must be a finite number > 0 \(got -1\)$/,
    );
    const w = new SlidingWindowMFAC({ dim: 3, m: 2 });
    expect(() => w.add(new Float64Array(2))).toThrow(
      /^SlidingWindowMFAC\.add\(\): grad must be a Float64Array of length 3 \(got length 2\)$/,
    );
    expect(() => w.ihvp(new Float64Array(4))).toThrow(
      /^SlidingWindowMFAC\.ihvp\(\): v must be a Float64Array of length 3 \(got length 4\)$/,
    );
  });
});

describe('mfacOptimizer', () => {
  it('one step moves θ by −lr·F⁻¹g with F = λI + ggᵀ, i.e. −lr·g/(λ + ‖g‖²)', () => {
    const opt = mfacOptimizer({ lr: 0.5, damp: 0.1, m: 3 });
    const p = Float64Array.from([1, 2, 3]);
    const g = Float64Array.from([1, -2, 2]);
    opt.stepInPlace(p, g);
    const s = 0.5 / (0.1 + 9);
    expect(relErr(p, [1 - s, 2 + 2 * s, 3 - 2 * s])).toBeLessThan(1e-14);
    expect(opt.steps).toBe(1);
  });

  it('trains a small MLP classifier through @rg/nn train(): the loss falls by 3x', () => {
    const r = rng(9);
    const n = 64;
    const X = gaussian(n, 2, 10);
    const Y = { rows: n, cols: 2, data: new Float64Array(2 * n) };
    for (let i = 0; i < n; i++) Y.data[2 * i + (X.data[2 * i] * X.data[2 * i + 1] > 0 ? 0 : 1)] = 1;
    const net = mlp({ sizes: [2, 8, 2], activation: 'tanh', seed: r.int(100) });
    const res = train(
      { net, X, Y, loss: 'softmaxCrossEntropy' },
      {
        optimizer: mfacOptimizer({ lr: 0.02, m: 16, damp: 1e-2, momentum: 0.5 }),
        epochs: 60,
        batchSize: 16,
        seed: 2,
      },
    );
    expect(res.lossHistory[60]).toBeLessThan(res.lossHistory[0] / 3);
  });

  it('bad options throw InvalidArgumentError', () => {
    expect(() => mfacOptimizer({ damp: 0 })).toThrow(InvalidArgumentError);
    expect(() => mfacOptimizer({ m: 0 })).toThrow(InvalidArgumentError);
    expect(() => mfacOptimizer({ momentum: 1 })).toThrow(InvalidArgumentError);
  });
});

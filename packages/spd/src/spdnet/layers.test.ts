import {
  eigh,
  fromRows,
  identity,
  InvalidArgumentError,
  type Matrix,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  ShapeError,
  rng,
} from '@rg/linalg';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  congruenceM,
  fromSpectrum,
  matMul,
  randomOrthogonalTest,
  randomSPD,
  randomSymmetric,
  relErr,
  transposeM,
} from '../../test/helpers.js';
import { BiMap, createSPDNet, LogEig, ReEig, type SPDLayer, SoftmaxHead } from '../index.js';

// Finite-difference checks: the directional derivative of a scalar loss along a random direction,
// by central differences with one Richardson extrapolation (error O(h⁴) + rounding O(ε/h)).
const fdErrors: Record<string, number> = {};
function record(name: string, err: number): void {
  fdErrors[name] = Math.max(fdErrors[name] ?? 0, err);
}
afterAll(() => {
  if (process.env.FD_REPORT) console.info('max FD relative errors', fdErrors);
});

function fd(f: (t: number) => number, h: number): number {
  const d = (s: number) => (f(s) - f(-s)) / (2 * s);
  return (4 * d(h / 2) - d(h)) / 3;
}

function inner(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += a.data[i] * b.data[i];
  return s;
}

function axpy(x: Matrix, t: number, d: Matrix): Matrix {
  return { rows: x.rows, cols: x.cols, data: x.data.map((v, i) => v + t * d.data[i]) };
}

function randomRect(rows: number, cols: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows, cols, data: Float64Array.from({ length: rows * cols }, () => r.normal()) };
}

function unitSym(n: number, seed: number): Matrix {
  const s = randomSymmetric(n, seed);
  const nrm = Math.sqrt(inner(s, s));
  return { rows: n, cols: n, data: s.data.map((v) => v / nrm) };
}

function relative(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

/** FD check of a layer's input gradient for L(X) = Σ_b ⟨C_b, layer(X)_b⟩ along symmetric E. */
function checkInputGradient(
  name: string,
  layer: SPDLayer,
  xs: Matrix[],
  seed: number,
  h: number,
): number {
  const out = layer.forward(xs);
  const cs = out.map((y, b) => randomSymmetric(y.rows, seed + 17 * b));
  const grads = layer.backward(cs).input;
  const es = xs.map((x, b) => unitSym(x.rows, seed + 31 * b + 1));
  const analytic = grads.reduce((s, g, b) => s + inner(g, es[b]), 0);
  const loss = (t: number) =>
    layer.forward(xs.map((x, b) => axpy(x, t, es[b]))).reduce((s, y, b) => s + inner(cs[b], y), 0);
  const err = relative(analytic, fd(loss, h));
  record(name, err);
  return err;
}

const n = 5;

describe('BiMap', () => {
  it('new BiMap({ inputSize, outputSize, seed }) has orthonormal columns and is reproducible', () => {
    const a = new BiMap({ inputSize: 6, outputSize: 3, seed: 4 });
    const b = new BiMap({ inputSize: 6, outputSize: 3, seed: 4 });
    const wtw = matMul(transposeM(a.weight.value), a.weight.value);
    expect(relErr(wtw, identity(3))).toBeLessThan(1e-14);
    expect(Array.from(a.weight.value.data)).toEqual(Array.from(b.weight.value.data));
    expect(a.weight.manifold).toBe('stiefel');
  });

  it('forward(X) = WᵀXW and backward matches finite differences (well and ill conditioned)', () => {
    for (const cond of [10, 1e6]) {
      const layer = new BiMap({ inputSize: n, outputSize: 3, seed: 2 });
      const xs = [randomSPD(n, 11, cond), randomSPD(n, 12, cond)];
      const w = layer.weight.value;
      const y = layer.forward(xs);
      expect(relErr(y[0], congruenceM(transposeM(w), xs[0]))).toBeLessThan(1e-13);
      expect(checkInputGradient(`BiMap input (cond ${cond})`, layer, xs, 5, 1e-3)).toBeLessThan(
        1e-6,
      );
    }
  });

  it('backward weight gradient matches finite differences along random directions', () => {
    for (const cond of [10, 1e6]) {
      const layer = new BiMap({ inputSize: n, outputSize: 3, seed: 3 });
      const xs = [randomSPD(n, 21, cond), randomSPD(n, 22, cond)];
      const w0 = layer.weight.value;
      const cs = [randomSymmetric(3, 23), randomSymmetric(3, 24)];
      layer.forward(xs);
      layer.backward(cs);
      const grad = layer.weight.grad as Matrix;
      const d = randomRect(n, 3, 25);
      const loss = (t: number) => {
        layer.weight.value = axpy(w0, t, d);
        return layer.forward(xs).reduce((s, y, b) => s + inner(cs[b], y), 0);
      };
      const err = relative(inner(grad, d), fd(loss, 1e-3));
      layer.weight.value = w0;
      record(`BiMap weight (cond ${cond})`, err);
      expect(err).toBeLessThan(1e-6);
    }
  });

  const seeds = fc.integer({ min: 0, max: 1_000_000 });
  it('forward(W A Wᵀ + W⊥ B W⊥ᵀ) = A (congruence identity), for every generated case', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const q = randomOrthogonalTest(n, rng(seed));
        const qm: Matrix = { rows: n, cols: n, data: q };
        const w: Matrix = {
          rows: n,
          cols: 2,
          data: Float64Array.from({ length: n * 2 }, (_, k) => q[Math.floor(k / 2) * n + (k % 2)]),
        };
        const a = randomSPD(2, seed + 1, 100);
        const lam = [a.data[0], a.data[1], a.data[2], a.data[3]];
        // X = Q blockdiag(A, B) Qᵀ with B = diag(7, 8, 9)
        const block = new Float64Array(n * n);
        block[0] = lam[0];
        block[1] = lam[1];
        block[n] = lam[2];
        block[n + 1] = lam[3];
        for (let i = 2; i < n; i++) block[i * n + i] = 5 + i;
        const x = congruenceM(qm, { rows: n, cols: n, data: block });
        const layer = new BiMap({ inputSize: n, outputSize: 2, weight: w });
        // ‖X‖ ≤ ~100: the congruence loses a few ulps of ‖X‖ relative to ‖A‖ ≥ 1/10.
        expect(relErr(layer.forward([x])[0], a)).toBeLessThan(1e-12);
      }),
      { numRuns: 50 },
    );
  });

  it('backward is the adjoint of the (linear) forward: ⟨G, WᵀEW⟩ = ⟨backward(G), E⟩', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const layer = new BiMap({ inputSize: n, outputSize: 3, seed });
        const x = randomSPD(n, seed + 1, 1e3);
        const g = randomSymmetric(3, seed + 2);
        const e = randomSymmetric(n, seed + 3);
        layer.forward([x]);
        const gx = layer.backward([g]).input[0];
        const lhs = inner(g, layer.forward([e])[0]);
        expect(Math.abs(lhs - inner(gx, e))).toBeLessThan(1e-12 * (1 + Math.abs(lhs)) * 10);
      }),
      { numRuns: 50 },
    );
  });

  it('validates its inputs with typed errors naming the function and argument', () => {
    const layer = new BiMap({ inputSize: 3, outputSize: 2 });
    expect(() => layer.forward([identity(3), identity(2)])).toThrow(
      new ShapeError('BiMap.forward(): batch[1] must be 3×3 (got 2×2)'),
    );
    expect(() =>
      layer.forward([
        fromRows([
          [1, 2, 0],
          [0, 1, 0],
          [0, 0, 1],
        ]),
      ]),
    ).toThrow(NotSymmetricError);
    expect(() =>
      layer.forward([
        fromRows([
          [1, Number.NaN, 0],
          [Number.NaN, 1, 0],
          [0, 0, 1],
        ]),
      ]),
    ).toThrow(NonFiniteError);
    expect(() => layer.forward([])).toThrow(InvalidArgumentError);
    expect(() => new BiMap({ inputSize: 2, outputSize: 3 })).toThrow(InvalidArgumentError);
    expect(() => new BiMap({ inputSize: 2, outputSize: 1, weight: fromRows([[1], [1]]) })).toThrow(
      /orthonormal/,
    );
    expect(() => new BiMap({ inputSize: 3, outputSize: 1, weight: fromRows([[1], [0]]) })).toThrow(
      ShapeError,
    );
    expect(() => new BiMap({ inputSize: 3, outputSize: 2 }).backward([identity(2)])).toThrow(
      /call forward\(\) first/,
    );
    layer.forward([identity(3)]);
    expect(() => layer.backward([identity(2), identity(2)])).toThrow(ShapeError);
  });

  it('does not mutate its inputs', () => {
    const layer = new BiMap({ inputSize: 3, outputSize: 2, seed: 1 });
    const x = randomSPD(3, 1, 10);
    const g = randomMatrix2();
    const xc = x.data.slice();
    const gc = g.data.slice();
    layer.forward([x]);
    layer.backward([g]);
    expect(Array.from(x.data)).toEqual(Array.from(xc));
    expect(Array.from(g.data)).toEqual(Array.from(gc));
  });
});

function randomMatrix2(): Matrix {
  return fromRows([
    [1, 2],
    [3, 4],
  ]);
}

/** SPD matrix with the given eigenvalues in a seeded random basis. */
function withSpectrum(lam: number[], seed: number): Matrix {
  return fromSpectrum(randomOrthogonalTest(lam.length, rng(seed)), lam, lam.length);
}

describe('ReEig', () => {
  it('forward clamps eigenvalues at ε and keeps the eigenvectors', () => {
    const x = withSpectrum([1e-6, 5e-5, 0.3, 1, 4], 1);
    const y = new ReEig().forward([x])[0];
    const v = eigh(y).values;
    expect(Array.from(v).map((t) => Number(t.toPrecision(10)))).toEqual([1e-4, 1e-4, 0.3, 1, 4]);
  });

  it('backward matches finite differences, eigenvalues on both sides of ε, ill-conditioned too', () => {
    // every eigenvalue is ≥ 10·h·(spread) away from ε, so the FD steps never cross the kink
    const cases: [string, number[], number][] = [
      ['ReEig input (mixed, ε=1e-4)', [1e-6, 3e-5, 2e-3, 0.5, 3], 1e-4],
      ['ReEig input (cond 1e6, ε=1e-2)', [1e-3, 4e-3, 0.1, 30, 1e3], 1e-2],
      ['ReEig input (all above ε)', [0.2, 0.5, 1, 2, 5], 1e-4],
    ];
    for (const [name, lam, eps] of cases) {
      const xs = [withSpectrum(lam, 7), withSpectrum(lam, 8)];
      const h = 1e-3 * Math.min(...lam.map((l) => Math.abs(l - eps)));
      expect(checkInputGradient(name, new ReEig({ epsilon: eps }), xs, 9, h)).toBeLessThan(1e-6);
    }
  });

  const seeds = fc.integer({ min: 0, max: 1_000_000 });
  it('is idempotent and orthogonally equivariant, for every generated case', () => {
    fc.assert(
      fc.property(seeds, fc.double({ min: 1e-3, max: 10, noNaN: true }), (seed, eps) => {
        const layer = new ReEig({ epsilon: eps });
        const x = randomSPD(4, seed, 1e4);
        const y = layer.forward([x])[0];
        expect(relErr(layer.forward([y])[0], y)).toBeLessThan(1e-13);
        const q: Matrix = { rows: 4, cols: 4, data: randomOrthogonalTest(4, rng(seed + 1)) };
        // ‖QXQᵀ‖ = ‖X‖ ≤ 100: rounding of eigh ~ 4ε‖X‖ relative to ‖Y‖ ≥ ε_clamp
        expect(relErr(layer.forward([congruenceM(q, x)])[0], congruenceM(q, y))).toBeLessThan(
          1e-11,
        );
      }),
      { numRuns: 50 },
    );
  });

  it('rejects a bad ε and non-symmetric inputs', () => {
    expect(() => new ReEig({ epsilon: 0 })).toThrow(InvalidArgumentError);
    expect(() =>
      new ReEig().forward([
        fromRows([
          [1, 1],
          [0, 1],
        ]),
      ]),
    ).toThrow(NotSymmetricError);
    expect(() => new ReEig().forward([identity(2), identity(3)])).toThrow(
      new ShapeError('ReEig.forward(): batch[1] must be 2×2 (got 3×3)'),
    );
  });
});

describe('LogEig', () => {
  it('backward matches finite differences (cond 10 and 1e6)', () => {
    for (const cond of [10, 1e6]) {
      const xs = [randomSPD(n, 41, cond), randomSPD(n, 42, cond)];
      // min eigenvalue is 1/√cond: the step is a small fraction of it
      const h = 1e-3 / Math.sqrt(cond);
      expect(
        checkInputGradient(`LogEig input (cond ${cond})`, new LogEig(), xs, 43, h),
      ).toBeLessThan(1e-6);
    }
  });

  it('backward matches finite differences with a repeated eigenvalue', () => {
    const xs = [withSpectrum([0.5, 2, 2, 2, 7], 3)];
    expect(checkInputGradient('LogEig input (repeated)', new LogEig(), xs, 44, 1e-4)).toBeLessThan(
      1e-6,
    );
  });

  const seeds = fc.integer({ min: 0, max: 1_000_000 });
  it('log(QXQᵀ) = Q log(X) Qᵀ and log(cX) = log X + log(c) I, for every generated case', () => {
    fc.assert(
      fc.property(seeds, fc.double({ min: 0.01, max: 100, noNaN: true }), (seed, c) => {
        const layer = new LogEig();
        const x = randomSPD(4, seed, 1e4);
        const lx = layer.forward([x])[0];
        const q: Matrix = { rows: 4, cols: 4, data: randomOrthogonalTest(4, rng(seed + 1)) };
        // absolute error of log: about κ·ε per eigenvalue (relative accuracy of eigh), ‖log X‖ ≥ ~4.6
        expect(relErr(layer.forward([congruenceM(q, x)])[0], congruenceM(q, lx))).toBeLessThan(
          1e-11,
        );
        const scaled = { rows: 4, cols: 4, data: x.data.map((v) => c * v) };
        const expected = {
          rows: 4,
          cols: 4,
          data: lx.data.map((v, k) => v + (k % 5 === 0 ? Math.log(c) : 0)),
        };
        const got = layer.forward([scaled])[0];
        expect(relErr(got, expected)).toBeLessThan(1e-11 * (1 + Math.abs(Math.log(c))));
      }),
      { numRuns: 50 },
    );
  });

  it('backward is self-adjoint: ⟨D log(X)[G], E⟩ = ⟨G, D log(X)[E]⟩', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const layer = new LogEig();
        const x = randomSPD(4, seed, 1e3);
        const g = randomSymmetric(4, seed + 1);
        const e = randomSymmetric(4, seed + 2);
        layer.forward([x]);
        const dg = layer.backward([g]).input[0];
        const de = layer.backward([e]).input[0];
        const a = inner(dg, e);
        expect(Math.abs(a - inner(g, de))).toBeLessThan(1e-12 * (1 + Math.abs(a)) * 100);
      }),
      { numRuns: 50 },
    );
  });

  it('throws NotPositiveDefiniteError on an indefinite input', () => {
    expect(() =>
      new LogEig().forward([
        identity(2),
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ]),
    ).toThrow(NotPositiveDefiniteError);
    expect(() =>
      new LogEig().forward([
        identity(2),
        fromRows([
          [1, 2],
          [2, 1],
        ]),
      ]),
    ).toThrow(/LogEig\.forward\(\): batch\[1\] must be positive definite/);
  });
});

describe('SoftmaxHead', () => {
  it('vectorization keeps the Frobenius norm and backward matches finite differences', () => {
    const head = new SoftmaxHead({ inputSize: 4, classes: 3, seed: 1 });
    const xs = [randomSymmetric(4, 1), randomSymmetric(4, 2), randomSymmetric(4, 3)];
    const labels = [2, 0, 1];
    head.forward(xs);
    const loss0 = head.loss(labels);
    expect(loss0).toBeGreaterThan(0);
    const gin = head.backward(labels).input;
    const es = xs.map((_, b) => unitSym(4, 50 + b));
    const analytic = gin.reduce((s, g, b) => s + inner(g, es[b]), 0);
    const lossAt = (t: number) => {
      head.forward(xs.map((x, b) => axpy(x, t, es[b])));
      return head.loss(labels);
    };
    const e1 = relative(analytic, fd(lossAt, 1e-3));
    record('SoftmaxHead input', e1);
    expect(e1).toBeLessThan(1e-6);
    for (const p of [head.weight, head.bias]) {
      head.forward(xs);
      head.backward(labels);
      const grad = p.grad as Matrix;
      const d = randomRect(p.value.rows, p.value.cols, 60);
      const v0 = p.value;
      const lossP = (t: number) => {
        p.value = axpy(v0, t, d);
        head.forward(xs);
        return head.loss(labels);
      };
      const e = relative(inner(grad, d), fd(lossP, 1e-3));
      p.value = v0;
      record(`SoftmaxHead ${p.name}`, e);
      expect(e).toBeLessThan(1e-6);
    }
    // ‖v‖ = ‖S‖_F: a weight row equal to the vectorization of S gives the logit ‖S‖²_F
    const h1 = new SoftmaxHead({ inputSize: 2, classes: 2 });
    h1.weight.value = fromRows([
      [1, 2 * Math.SQRT2, 3],
      [0, 0, 0],
    ]);
    expect(
      h1.forward([
        fromRows([
          [1, 2],
          [2, 3],
        ]),
      ]).logits.data[0],
    ).toBeCloseTo(1 + 8 + 9, 12);
  });

  it('validates labels and inputs', () => {
    const head = new SoftmaxHead({ inputSize: 2, classes: 2 });
    expect(() => head.loss([0])).toThrow(/call forward\(\) first/);
    head.forward([identity(2)]);
    expect(() => head.loss([2])).toThrow(InvalidArgumentError);
    expect(() => head.loss([0, 1])).toThrow(InvalidArgumentError);
    expect(() => head.forward([identity(3)])).toThrow(ShapeError);
    expect(() => new SoftmaxHead({ inputSize: 2, classes: 1 })).toThrow(InvalidArgumentError);
  });
});

describe('SPDNet.lossAndBackward', () => {
  it('gives BiMap weight gradients through ReEig and LogEig that match finite differences', () => {
    const net = createSPDNet({ sizes: [6, 4, 3], classes: 3, seed: 5, epsilon: 1e-3 });
    const xs = [randomSPD(6, 71, 1e3), randomSPD(6, 72, 1e3), randomSPD(6, 73, 1e3)];
    const labels = [0, 2, 1];
    for (const p of net.parameters()) {
      // the FD evaluations of the previous parameter overwrote every grad: recompute at the point
      net.lossAndBackward(xs, labels);
      const grad = p.grad as Matrix;
      const d = randomRect(p.value.rows, p.value.cols, 80);
      const v0 = p.value;
      const loss = (t: number) => {
        p.value = axpy(v0, t, d);
        return net.lossAndBackward(xs, labels);
      };
      const e = relative(inner(grad, d), fd(loss, 1e-4));
      p.value = v0;
      record(`SPDNet ${p.name}`, e);
      expect(e).toBeLessThan(1e-6);
    }
  });
});

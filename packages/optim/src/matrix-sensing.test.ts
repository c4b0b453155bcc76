import { eigh, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { matrixSensing, sensingGD } from './index.js';

/** least-squares slope of log y against x (or log x) over t ∈ [t0, t1] */
function slope(y: Float64Array, t0: number, t1: number, logX: boolean): number {
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let n = 0;
  for (let t = t0; t <= t1; t++) {
    const x = logX ? Math.log(t) : t;
    const v = Math.log(y[t]);
    sx += x;
    sy += v;
    sxx += x * x;
    sxy += x * v;
    n++;
  }
  return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

/** the last t whose error is above the rounding floor */
function lastAbove(e: Float64Array, floor: number): number {
  let t = e.length - 1;
  while (t > 0 && e[t] < floor) t--;
  return t;
}

describe('matrixSensing', () => {
  it('matrixSensing() measures a PSD rank-r truth: y_i = ⟨A_i, M*⟩, eigenvalues as asked', () => {
    const p = matrixSensing({ n: 5, rank: 2, measurements: 40, eigenvalues: [3, 0.5], seed: 4 });
    const ev = eigh(p.truth).values;
    // eigh is backward stable: zero eigenvalues come out at ~ε·‖M*‖
    expect(Array.from(ev).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([0, 0, 0, 0.5, 3]);
    for (let i = 0; i < 40; i++) {
      let s = 0;
      for (let k = 0; k < 25; k++) s += p.sensing.data[i * 25 + k] * p.truth.data[k];
      expect(p.y[i]).toBeCloseTo(s, 12);
    }
    expect(() => matrixSensing({ n: 3, rank: 4, measurements: 5 })).toThrow(
      /rank \(4\) must be ≤ n/,
    );
    expect(() => matrixSensing({ n: 3, rank: 1, measurements: 0 })).toThrow(InvalidArgumentError);
  });
});

describe('sensingGD', () => {
  const p = matrixSensing({ n: 6, rank: 1, measurements: 120, seed: 1 });

  for (const parametrization of ['symmetric', 'asymmetric'] as const)
    it(`sensingGD({ parametrization: '${parametrization}' }) steps along −lr·∇L (central differences)`, () => {
      const opts = { parametrization, k: 2, alpha: 0.5, lr: 0.05, seed: 3 };
      const start = sensingGD(p, { ...opts, iterations: 0 });
      const next = sensingGD(p, { ...opts, iterations: 1 });
      const factors = (r: typeof start) =>
        'X' in r.factors ? [r.factors.X.data] : [r.factors.F.data, r.factors.G.data];
      const loss = (fs: Float64Array[]): number => {
        const [f, g] = fs.length === 1 ? [fs[0], fs[0]] : fs;
        const z = new Float64Array(36);
        for (let i = 0; i < 6; i++)
          for (let j = 0; j < 6; j++)
            z[i * 6 + j] = f[2 * i] * g[2 * j] + f[2 * i + 1] * g[2 * j + 1];
        let l = 0;
        for (let m = 0; m < 120; m++) {
          let s = -p.y[m];
          for (let k = 0; k < 36; k++) s += p.sensing.data[m * 36 + k] * z[k];
          l += s * s;
        }
        return l / 240;
      };
      const x0 = factors(start);
      const x1 = factors(next);
      expect(start.loss[0]).toBeCloseTo(loss(x0), 12);
      x0.forEach((block, b) => {
        for (let i = 0; i < block.length; i++) {
          const h = 1e-6;
          const plus = x0.map((a) => a.slice());
          const minus = x0.map((a) => a.slice());
          plus[b][i] += h;
          minus[b][i] -= h;
          const fd = (loss(plus) - loss(minus)) / (2 * h);
          // central differences of a quartic: O(h²) truncation plus ε·L/h rounding ≈ 1e-9
          expect((block[i] - x1[b][i]) / 0.05).toBeCloseTo(fd, 7);
        }
      });
    });

  it('slopes: symmetric k > r decays like 1/t; asymmetric linearly at a rate ∝ α²; the modification removes the α dependence', () => {
    const T = 3000;
    const sym = sensingGD(p, {
      parametrization: 'symmetric',
      k: 3,
      alpha: 0.3,
      lr: 0.2,
      iterations: T,
    });
    // log-log slope of ‖XXᵀ − M*‖_F over t ∈ [300, 3000]: −1 (the loss ‖·‖² goes like 1/t²)
    const s = slope(sym.error, 300, T, true);
    expect(s).toBeGreaterThan(-1.2);
    expect(s).toBeLessThan(-0.8);
    const at = 1000;
    const rates = [0.3, 0.15].map((alpha) => {
      const plain = sensingGD(p, {
        parametrization: 'asymmetric',
        k: 3,
        alpha,
        lr: 0.2,
        iterations: T,
      });
      const mod = sensingGD(p, {
        parametrization: 'asymmetric',
        k: 3,
        alpha,
        lr: 0.2,
        iterations: T,
        modification: { at },
      });
      // the modified step leaves FGᵀ unchanged: both runs agree up to step `at`
      expect(mod.error[at]).toBeCloseTo(plain.error[at], 14);
      return {
        plain: -slope(plain.error, at, lastAbove(plain.error, 1e-11), false),
        modified: -slope(mod.error, at + 1, Math.min(lastAbove(mod.error, 1e-11), at + 60), false),
      };
    });
    // halving α slows the linear rate by about 4 (∝ α²); the sublinear symmetric run is slowest
    const ratio = rates[0].plain / rates[1].plain;
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(6);
    const symRate = -slope(sym.error, T - 500, T, false);
    expect(symRate).toBeLessThan(rates[1].plain);
    // with the modification both α give the same, much faster rate (≈ lr·β² per step)
    expect(Math.abs(rates[0].modified / rates[1].modified - 1)).toBeLessThan(0.2);
    expect(rates[1].modified).toBeGreaterThan(5 * rates[0].plain);
  });

  it('bad input throws typed errors naming sensingGD()', () => {
    expect(() => sensingGD({} as never)).toThrow(ShapeError);
    expect(() => sensingGD(p, { modification: { at: 1 } })).toThrow(
      /needs parametrization 'asymmetric'/,
    );
    expect(() =>
      sensingGD(p, { parametrization: 'asymmetric', iterations: 5, modification: { at: 6 } }),
    ).toThrow(/modification.at/);
    expect(() => sensingGD(p, { lr: 0 })).toThrow(/sensingGD\(\): lr/);
    expect(() => sensingGD(p, { k: 0 })).toThrow(InvalidArgumentError);
    expect(() => sensingGD(p, { parametrization: 'x' as never })).toThrow(/parametrization/);
  });
});

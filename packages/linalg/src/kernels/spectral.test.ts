import { describe, expect, it } from 'vitest';
import {
  EPS,
  fixture,
  gaussian,
  maxAbs,
  maxAbsDiff,
  refMatmul,
  refTranspose,
} from '../../test/dense-reference.js';
import { orthogonal, randomSPDWithCondition, withSpectrum } from '../../test/symmetric-utils.js';
import { eigh as eighPublic, expmSym, type Matrix, rng, svd as svdPublic } from '../index.js';
import {
  daleckiiKrein,
  dividedDifferenceExp,
  eigensystem,
  eigh,
  fromEigenbasis,
  loewnerMatrix,
  oneSidedJacobi,
  reconstruct,
  svd,
  toEigenbasis,
} from './index.js';

const sq = (n: number, data: Float64Array): Matrix => ({ rows: n, cols: n, data });

describe('eigh kernel', () => {
  it('is the kernel of eigh(): same values and vectors, bit for bit, with and without vectors', () => {
    for (const n of [1, 3, 8, 40]) {
      const a = randomSPDWithCondition(n, 1e6, rng(n));
      const ref = eighPublic(a);
      const e = eigensystem(n, a.data);
      expect(e.converged).toBe(true);
      expect(Array.from(e.values)).toEqual(Array.from(ref.values));
      expect(Array.from(e.vectors)).toEqual(Array.from(ref.vectors.data));
      const values = new Float64Array(n);
      expect(eigh(n, a.data, values)).toBe(true);
      expect(Array.from(values)).toEqual(Array.from(eighPublic(a, { vectors: false }).values));
    }
  });

  it('reads only the lower triangle, leaves a unchanged, and reports a non-finite input with NaN outputs', () => {
    const a = Float64Array.of(2, 99, 1, 2);
    const copy = a.slice();
    const values = new Float64Array(2);
    eigh(2, a, values);
    expect(Array.from(a)).toEqual(Array.from(copy));
    expect(values[0]).toBeCloseTo(1, 14);
    const vectors = new Float64Array(4);
    expect(eigh(2, Float64Array.of(1, 0, Number.NaN, 1), values, { vectors })).toBe(false);
    expect([...values, ...vectors].every(Number.isNaN)).toBe(true);
  });
});

describe('eigenbasis helpers', () => {
  const n = 12;
  const r = rng(5);
  const v = orthogonal(n, r);
  const x = gaussian(n, n, 6);

  it('toEigenbasis = VᵀXV and fromEigenbasis = VYVᵀ (general and exactly symmetric)', () => {
    const ref = refMatmul(refMatmul(refTranspose(v), x), v);
    const tol = 4 * n * n * EPS * maxAbs(x.data);
    expect(maxAbsDiff(toEigenbasis(n, v.data, x.data), ref.data)).toBeLessThanOrEqual(tol);
    const back = fromEigenbasis(n, v.data, ref.data, { symmetric: false });
    expect(maxAbsDiff(back, x.data)).toBeLessThanOrEqual(2 * tol);
    const xs = refMatmul(x, refTranspose(x));
    const ys = toEigenbasis(n, v.data, xs.data);
    const sym = fromEigenbasis(n, v.data, ys);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) expect(sym[i * n + j]).toBe(sym[j * n + i]);
    expect(maxAbsDiff(sym, xs.data)).toBeLessThanOrEqual(8 * n * n * EPS * maxAbs(xs.data));
  });

  it('reconstruct(V, w) = V diag(w) Vᵀ, exactly symmetric, reusing out and work', () => {
    const w = Float64Array.from({ length: n }, (_, i) => i - 3.5);
    const out = new Float64Array(n * n).fill(Number.NaN);
    const work = new Float64Array(n * n).fill(Number.NaN);
    reconstruct(n, v.data, w, out, work);
    const a = withSpectrum(w, rng(5)); // the same V: withSpectrum draws orthogonal(n, rng(5))
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++) expect(out[i * n + j]).toBe(out[j * n + i]);
    expect(maxAbsDiff(out, a.data)).toBeLessThanOrEqual(4 * n * EPS * maxAbs(w));
  });
});

describe('daleckiiKrein', () => {
  it('with the Loewner matrix of exp it is the derivative of expmSym (central differences)', () => {
    const n = 6;
    const a = randomSPDWithCondition(n, 10, rng(2));
    const e = gaussian(n, n, 3);
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) e.data[i * n + j] = e.data[j * n + i];
    const es = eigensystem(n, a.data);
    const d = daleckiiKrein(
      n,
      es.vectors,
      loewnerMatrix(n, es.values, dividedDifferenceExp),
      e.data,
    );
    const h = 1e-5;
    const plus = expmSym(
      sq(
        n,
        a.data.map((x, i) => x + h * e.data[i]),
      ),
    );
    const minus = expmSym(
      sq(
        n,
        a.data.map((x, i) => x - h * e.data[i]),
      ),
    );
    const fd = plus.data.map((x, i) => (x - minus.data[i]) / (2 * h));
    // central differences: O(h²)·‖D³exp‖ truncation plus O(ε/h) rounding, ≈ 1e-9 relative here
    expect(maxAbsDiff(d, fd)).toBeLessThanOrEqual(1e-8 * maxAbs(fd));
  });

  it('with weights 1/(λᵢ + λⱼ) it solves the Lyapunov equation A L + L A = E', () => {
    const n = 7;
    const a = randomSPDWithCondition(n, 1e3, rng(8));
    const e = gaussian(n, n, 9);
    const es = eigensystem(n, a.data);
    const w = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) w[i * n + j] = 1 / (es.values[i] + es.values[j]);
    const l = sq(n, daleckiiKrein(n, es.vectors, w, e.data, { symmetric: false }));
    const lhs = refMatmul(a, l).data.map((x, i) => x + refMatmul(l, a).data[i]);
    expect(maxAbsDiff(lhs, e.data)).toBeLessThanOrEqual(64 * n * EPS * 1e3 * maxAbs(e.data));
  });
});

describe('oneSidedJacobi', () => {
  it('gives the singular values of svd() and, with vectors, XᵀX = J diag(σ²) Jᵀ', () => {
    for (const [m, n] of [
      [5, 5],
      [9, 4],
      [3, 6],
    ]) {
      const a = gaussian(m, n, m + 10 * n);
      const s = new Float64Array(n);
      const j = new Float64Array(n * n);
      // A wide X has n − m exactly dependent columns whose rounding noise the relative
      // rotation test keeps chasing: the sweep limit ends it (values still as accurate).
      expect(oneSidedJacobi(m, n, a.data, s, { vectors: j })).toBe(m >= n);
      const ref = svdPublic(a, { vectors: false }).s;
      // both are backward stable: |Δσ| ≲ n·ε·σ_max
      for (let i = 0; i < ref.length; i++)
        expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(8 * n * EPS * ref[0]);
      for (let i = ref.length; i < n; i++) expect(s[i]).toBeLessThanOrEqual(8 * n * EPS * ref[0]);
      const js = sq(n, j);
      const d = sq(n, new Float64Array(n * n));
      for (let i = 0; i < n; i++) d.data[i * n + i] = s[i] * s[i];
      const gram = refMatmul(refTranspose(a), a);
      const rebuilt = refMatmul(refMatmul(js, d), refTranspose(js));
      expect(maxAbsDiff(rebuilt.data, gram.data)).toBeLessThanOrEqual(
        16 * m * n * EPS * ref[0] ** 2,
      );
    }
  });

  it('keeps the relative accuracy of tiny singular values of column-graded matrices (60-digit reference)', () => {
    // X = B·D with D = diag(1, 1e-4, …): σ spans up to 22 decades. One-sided Jacobi keeps a
    // relative error of about n·ε·κ(B) for every one of them (Demmel & Veselić 1992; κ of the
    // column-normalized B is in the fixture).
    const cases = fixture<{ n: number; x: number[]; singularValues: number[]; condB: number }>(
      'graded-svd',
    ).cases;
    for (const c of cases) {
      const n = c.n;
      const x = Float64Array.from(c.x);
      const s = new Float64Array(n);
      expect(oneSidedJacobi(n, n, x, s)).toBe(true);
      for (let i = 0; i < n; i++)
        expect(Math.abs(s[i] - c.singularValues[i]) / c.singularValues[i]).toBeLessThanOrEqual(
          4 * n * EPS * c.condB,
        );
      // the same from the transposed storage, ascending
      const up = new Float64Array(n);
      oneSidedJacobi(n, n, refTranspose(sq(n, x)).data, up, {
        transpose: true,
        order: 'ascending',
      });
      for (let i = 0; i < n; i++)
        expect(
          Math.abs(up[n - 1 - i] - c.singularValues[i]) / c.singularValues[i],
        ).toBeLessThanOrEqual(4 * n * EPS * c.condB);
    }
  });
});

describe('svd kernel', () => {
  it('is the kernel of svd(): same factors, bit for bit, thin and full, tall and wide', () => {
    for (const [m, n] of [
      [6, 4],
      [3, 7],
    ])
      for (const full of [false, true]) {
        const a = gaussian(m, n, 31 * m + n);
        const ref = svdPublic(a, { full });
        const k = Math.min(m, n);
        const s = new Float64Array(k);
        const u = new Float64Array(ref.u.data.length);
        const v = new Float64Array(ref.v.data.length);
        expect(svd(m, n, a.data, s, { u, v, full })).toBe(true);
        expect(Array.from(s)).toEqual(Array.from(ref.s));
        expect(Array.from(u)).toEqual(Array.from(ref.u.data));
        expect(Array.from(v)).toEqual(Array.from(ref.v.data));
      }
  });
});

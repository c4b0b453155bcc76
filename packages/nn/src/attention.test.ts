import { type Matrix, ShapeError, InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { randomMatrix } from '../test/finite-differences.js';
import { attention } from './index.js';

/** softmax(Q Kᵀ/√dh + mask) V per head, by plain loops over one sample (the definition) */
function reference(
  x: Matrix,
  sample: number,
  T: number,
  params: Float64Array,
  d: number,
  heads: number,
  causal: boolean,
  padding: number[] | null,
): number[][] {
  // parameter layout: query.weight, query.bias, key.…, value.…, output.… (d×d then 1×d)
  const block = d * d + d;
  const W = (p: number, i: number, j: number) => params[p * block + i * d + j];
  const b = (p: number, j: number) => params[p * block + d * d + j];
  const row = (t: number) =>
    Array.from(x.data.subarray((sample * T + t) * d, (sample * T + t + 1) * d));
  const proj = (p: number, t: number) =>
    Array.from({ length: d }, (_, j) => row(t).reduce((s, v, i) => s + v * W(p, i, j), b(p, j)));
  const dh = d / heads;
  const out: number[][] = [];
  for (let t = 0; t < T; t++) {
    const o = new Array(d).fill(0);
    for (let h = 0; h < heads; h++) {
      const q = proj(0, t).slice(h * dh, (h + 1) * dh);
      const visible = Array.from({ length: T }, (_, s) => s).filter(
        (s) => !(causal && s > t) && !padding?.[sample * T + s],
      );
      const scores = visible.map((s) => {
        const k = proj(1, s).slice(h * dh, (h + 1) * dh);
        return q.reduce((acc, v, j) => acc + v * k[j], 0) / Math.sqrt(dh);
      });
      const mx = Math.max(...scores);
      const e = scores.map((s) => Math.exp(s - mx));
      const z = e.reduce((a, v) => a + v, 0);
      visible.forEach((s, i) => {
        const v = proj(2, s).slice(h * dh, (h + 1) * dh);
        for (let j = 0; j < dh; j++) o[h * dh + j] += (e[i] / z) * v[j];
      });
    }
    out.push(
      Array.from({ length: d }, (_, j) => o.reduce((s, v, i) => s + v * W(3, i, j), b(3, j))),
    );
  }
  return out;
}

const rowsOf = (m: Matrix, from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    Array.from(m.data.subarray((from + i) * m.cols, (from + i + 1) * m.cols)),
  );

describe('attention', () => {
  const d = 6;
  const T = 4;
  const B = 3;
  const x = randomMatrix(B * T, d, 1);

  it.each([
    [1, false, null],
    [3, false, null],
    [2, true, null],
    [2, true, [0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0]],
  ] as const)(
    'attention({ heads: %i, causal: %s }) with padding %j equals softmax(QKᵀ/√dh + mask)V by loops',
    (heads, causal, padding) => {
      const att = attention({ dModel: d, heads, causal, seed: 3 });
      const p = att.params;
      for (let i = 0; i < p.length; i++) p[i] += 0.1 * Math.sin(i);
      const y = att.forward(x, { tokens: T, keyPaddingMask: padding ?? undefined });
      for (let s = 0; s < B; s++) {
        const ref = reference(x, s, T, p, d, heads, causal, padding ? [...padding] : null);
        const got = rowsOf(y, s * T, T);
        // the same sums in a different order: rounding only (entries are O(1))
        for (let t = 0; t < T; t++)
          for (let j = 0; j < d; j++) expect(Math.abs(got[t][j] - ref[t][j])).toBeLessThan(1e-13);
      }
    },
  );

  it('a causal mask leaks nothing from the future: perturbing tokens after t leaves outputs ≤ t unchanged (bit for bit)', () => {
    const att = attention({ dModel: d, heads: 2, causal: true, seed: 4 });
    const y0 = att.forward(x, { tokens: T });
    for (let t = 0; t < T - 1; t++) {
      const xp = { ...x, data: Float64Array.from(x.data) };
      for (let s = 0; s < B; s++)
        for (let u = t + 1; u < T; u++)
          for (let j = 0; j < d; j++) xp.data[(s * T + u) * d + j] += 10 * Math.cos(u + j);
      const y1 = att.forward(xp, { tokens: T });
      for (let s = 0; s < B; s++) {
        expect(rowsOf(y1, s * T, t + 1)).toEqual(rowsOf(y0, s * T, t + 1));
        // and the later tokens did change: the check is not vacuous
        expect(rowsOf(y1, s * T + t + 1, 1)).not.toEqual(rowsOf(y0, s * T + t + 1, 1));
      }
    }
  });

  it('the gradient of a token output has no component on later tokens (causal)', () => {
    const att = attention({ dModel: d, heads: 3, causal: true, seed: 5 });
    att.forward(x, { tokens: T });
    const g = { rows: B * T, cols: d, data: new Float64Array(B * T * d) };
    // only the output of token 1 of sample 0
    for (let j = 0; j < d; j++) g.data[1 * d + j] = 1;
    const gx = att.backward(g);
    for (let s = 0; s < B; s++)
      for (let t = 0; t < T; t++) {
        const zero = s !== 0 || t > 1;
        const r = gx.data.subarray((s * T + t) * d, (s * T + t + 1) * d);
        if (zero) expect(Array.from(r)).toEqual(new Array(d).fill(0));
        else expect(r.some((v) => v !== 0)).toBe(true);
      }
  });

  it('samples of a batch do not see each other, and padding keys are not seen', () => {
    const att = attention({ dModel: d, heads: 2, seed: 6 });
    const padding = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const y0 = att.forward(x, { tokens: T, keyPaddingMask: padding });
    const xp = { ...x, data: Float64Array.from(x.data) };
    // change sample 1 entirely and the padding token 2 of sample 0
    for (let i = T * d; i < 2 * T * d; i++) xp.data[i] += 3;
    for (let j = 0; j < d; j++) xp.data[2 * d + j] -= 5;
    const y1 = att.forward(xp, { tokens: T, keyPaddingMask: padding });
    // sample 0 (except its padding query row 2) and sample 2 are unchanged
    for (const t of [0, 1, 3]) expect(rowsOf(y1, t, 1)).toEqual(rowsOf(y0, t, 1));
    expect(rowsOf(y1, 2 * T, T)).toEqual(rowsOf(y0, 2 * T, T));
    expect(rowsOf(y1, T, 1)).not.toEqual(rowsOf(y0, T, 1));
  });

  it('a query with no visible key gets zero weights: its output is the output bias', () => {
    const att = attention({ dModel: d, heads: 2, causal: true, seed: 7 });
    const p = att.parameters().find((q) => q.name === 'output.bias');
    p?.value.data.set([1, 2, 3, 4, 5, 6]);
    // token 0 of sample 0 is padding and, being causal, sees only itself
    const y = att.forward(x, { tokens: T, keyPaddingMask: [1, ...new Array(B * T - 1).fill(0)] });
    expect(rowsOf(y, 0, 1)).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('names its parameters query/key/value/output .weight/.bias and validates its options and inputs', () => {
    const att = attention({ dModel: 4, heads: 2 });
    expect(att.parameters().map((p) => p.name)).toEqual([
      'query.weight',
      'query.bias',
      'key.weight',
      'key.bias',
      'value.weight',
      'value.bias',
      'output.weight',
      'output.bias',
    ]);
    expect(() => attention({ dModel: 6, heads: 4 })).toThrow(InvalidArgumentError);
    expect(() => attention({ dModel: 0 })).toThrow(/dModel/);
    const x4 = randomMatrix(6, 4, 2);
    expect(() => att.forward(x4)).toThrow(/options.tokens/);
    expect(() => att.forward(x4, { tokens: 4 })).toThrow(ShapeError);
    expect(() => att.forward(randomMatrix(6, 5, 3), { tokens: 3 })).toThrow(/dModel 4/);
    expect(() => att.forward(x4, { tokens: 3, keyPaddingMask: [0, 1] })).toThrow(/keyPaddingMask/);
  });
});

import { describe, expect, it } from 'vitest';
import gcrDigits from '../examples/gcr-digits.js';
import planes from '../examples/planes.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('planes: the geodesic between two planes in ℝ³ matches its closed forms', async () => {
    const r = await planes.run(ctx);
    expect(r.figures.length).toBe(1);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.summary.length).toBeGreaterThan(50);
    // principal angles, distances along the geodesic and the four distance kinds: each a few
    // operations on 3×2 matrices, within a few ulp of its closed form
    for (const row of r.table) expect(row['|difference|']).toBeLessThan(1e-14);
  });

  it('gcr-digits: every head trains the backbone (test accuracy > 90% on 0–4) and the probe beats chance on 5–9', async () => {
    const r = await gcrDigits.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual(['gcr-digits-test', 'gcr-digits-transfer']);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.map((row) => row.head)).toEqual(['softmax', 'GCR k=1', 'GCR k=4']);
    for (const row of r.table) {
      // '97.35 ± 0.00'
      const test = Number.parseFloat(String(row['test accuracy (%)']));
      const transfer = Number.parseFloat(String(row['transfer accuracy (%)']));
      // chance is 20% for 5 classes; a backbone and head that train reach ≳ 94% on 0–4 even
      // in the quick run, and the probe on features that carry digit shape ≳ 75% on 5–9
      expect(test).toBeGreaterThan(90);
      expect(transfer).toBeGreaterThan(50);
    }
    expect(r.summary).toMatch(/softmax head reaches/);
  });
});

import { describe, expect, it } from 'vitest';
import mfac from '../examples/mfac.js';
import secondOrder from '../examples/second-order.js';
import spectrum from '../examples/spectrum.js';
import stability from '../examples/stability.js';

const ctx = { quick: true, progress: () => {} };
// each quick run happens once; later assertions reuse it
const runs = new Map<unknown, ReturnType<typeof spectrum.run>>();
const run = (example: typeof spectrum) => {
  if (!runs.has(example)) runs.set(example, example.run(ctx));
  return runs.get(example) as ReturnType<typeof spectrum.run>;
};

describe('gallery examples (quick runs)', () => {
  it.each([
    ['spectrum', spectrum],
    ['second-order', secondOrder],
    ['stability', stability],
    ['mfac', mfac],
  ])('%s runs and returns an SVG figure, a table and a summary', async (_name, example) => {
    const r = await run(example);
    expect(r.figures.length).toBeGreaterThan(0);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.length).toBeGreaterThan(0);
    expect(r.summary.length).toBeGreaterThan(50);
  });

  it('second-order: every GNS variant reaches 1e-10 in fewer iterations than gradient descent', async () => {
    const r = await run(secondOrder);
    const iters = r.table.map((row) => row['iterations to 1e-10']);
    expect(iters.every((v) => typeof v === 'number')).toBe(true);
    expect(Math.max(...(iters.slice(0, 3) as number[]))).toBeLessThan(iters[3] as number);
  });

  it('spectrum: the top of the spectrum has about k − 1 = 4 outliers for 5 classes', async () => {
    const r = await run(spectrum);
    const outliers = r.table.filter((row) => row.outlier === 'yes').length;
    expect(outliers).toBeGreaterThanOrEqual(3);
    expect(outliers).toBeLessThanOrEqual(5);
  });
});

import { describe, expect, it } from 'vitest';
import crossover from '../examples/crossover.js';

describe('examples', () => {
  it('crossover.run({ quick: true }) returns an SVG figure, a table with every path timed and a summary', async () => {
    const progress: number[] = [];
    const r = await crossover.run({ quick: true, progress: (f) => progress.push(f) });
    expect(r.figures[0].svg).toMatch(/^<svg/);
    expect(r.table.length).toBeGreaterThanOrEqual(4);
    for (const row of r.table) {
      expect(Number(row['accelerated ms'])).toBeGreaterThan(0);
      expect(Number(row['float64 ms'])).toBeGreaterThan(0);
    }
    expect(r.summary).toMatch(/webasm/);
    expect(progress.length).toBe(r.table.length);
  });
});

import { describe, expect, it } from 'vitest';
import layerwiseOptimizers from '../examples/layerwise-optimizers.js';

describe('layerwise-optimizers example (quick run)', () => {
  it('trains the MLP and the transformer with Adam, Muon and Muon + noise-adaptive rates', async () => {
    const r = await layerwiseOptimizers.run({ quick: true, progress: () => {} });
    expect(r.figures).toHaveLength(2);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table).toHaveLength(8);
    for (const row of r.table) {
      const loss = row['test loss (mean)'] as number;
      const acc = row['test accuracy (mean)'] as number;
      expect(Number.isFinite(loss)).toBe(true);
      // every optimizer beats chance (1/4 for the MLP's classes, 1/8 for the copy task)
      expect(acc).toBeGreaterThan(row.task.toString().startsWith('MLP') ? 0.25 : 0.125);
    }
    expect(r.summary).toMatch(/Muon \+ noise-adaptive/);
  });
});

import { describe, expect, it } from 'vitest';
import lvHbaToy from '../examples/lv-hba-toy.js';
import timescaleBand from '../examples/timescale-band.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('timescale-band: every certified cell converges and the figure is SVG', async () => {
    const r = await timescaleBand.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    expect(r.summary).toMatch(/(\d+) of the \1 certified grid cells converge/);
    // the certified steps never exceed the largest converging step seen on the grid
    for (const row of r.table)
      if (row.certified)
        expect(Number(row['certified h (< 2m/L²)'])).toBeLessThan(
          Number(row['largest converging h on the grid']),
        );
  });
  it('lv-hba-toy: tuned LV-HBA passes 1e-3 and ends below both penalty baselines', async () => {
    const r = await lvHbaToy.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const [tuned, , rho10, rho100] = r.table;
    expect(Number(tuned['first iteration < 1e-3'])).toBeGreaterThan(0);
    expect(Number(tuned['final rel. error x'])).toBeLessThan(Number(rho100['final rel. error x']));
    expect(Number(rho100['final rel. error x'])).toBeLessThan(Number(rho10['final rel. error x']));
  });
});

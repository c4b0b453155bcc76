import { describe, expect, it } from 'vitest';
import snsVsSinkhorn from '../examples/sns-vs-sinkhorn.js';
import transportPlan from '../examples/transport-plan.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('transport-plan: emd is below every Sinkhorn cost and draws an SVG', async () => {
    const r = await transportPlan.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const exact = Number(r.table[0].cost);
    for (const row of r.table.slice(1))
      expect(Number(row.cost)).toBeGreaterThanOrEqual(exact - 1e-12);
  });
  it('sns-vs-sinkhorn: SNS converges to 1e-9 on both costs', async () => {
    const r = await snsVsSinkhorn.run(ctx);
    expect(r.figures).toHaveLength(2);
    for (const row of r.table.filter((t) => t.method === 'SNS')) expect(row.converged).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import customHead from '../examples/custom-head.js';
import transformerTasks from '../examples/transformer-tasks.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('custom-head runs, returns SVG figures, a table and a summary; the backbone fits the spirals through the head', async () => {
    const r = await customHead.run(ctx);
    expect(r.figures).toHaveLength(2);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.summary.length).toBeGreaterThan(50);
    expect(r.table[0]['train accuracy']).toBeGreaterThan(0.9);
  });

  it('transformer-tasks runs; both tasks reach 100% train accuracy in the quick run', async () => {
    const r = await transformerTasks.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    expect(r.table).toHaveLength(2);
    for (const row of r.table) expect(row['final train accuracy']).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import eigenvectors from '../examples/eigenvectors.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('eigenvectors runs, returns an SVG figure, a table and a summary; momentum reaches 1e-8 on the manifold', async () => {
    const r = await eigenvectors.run(ctx);
    expect(r.figures.length).toBeGreaterThan(0);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.summary.length).toBeGreaterThan(50);
    expect(r.table).toHaveLength(4);
    const momentum = r.table.find((row) => row.optimizer === 'SGD, momentum 0.9');
    expect(momentum?.['final error']).toBeLessThan(1e-8);
    // QR retractions keep the frame orthonormal to rounding at every step
    for (const row of r.table) expect(row['max |XᵀX − I|']).toBeLessThan(1e-14);
  });
});

import { describe, expect, it } from 'vitest';
import rvgpSphere from '../examples/rvgp-sphere.js';
import swissRollEmbedding from '../examples/swiss-roll-embedding.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('swiss-roll-embedding: heat geodesics preserve the roll’s geodesics better than a diffusion map', async () => {
    const r = await swissRollEmbedding.run(ctx);
    expect(r.figures).toHaveLength(1);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const rho = (method: string) =>
      Number(String(r.table.find((row) => row.method === method)?.['Spearman ρ']).split(' ')[0]);
    // 800 points, one seed: Isomap and heat geodesics near 1, the diffusion map well below
    expect(rho('Isomap (shortest paths)')).toBeGreaterThan(0.98);
    expect(rho('heat geodesic')).toBeGreaterThan(0.95);
    expect(rho('heat geodesic')).toBeGreaterThan(rho('diffusion map'));
  });
  it('rvgp-sphere: RVGP beats one scalar GP per component at super-resolution and inpainting', async () => {
    const r = await rvgpSphere.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const err = (task: string, method: string) =>
      Number(
        String(
          r.table.find(
            (row) => String(row.task).startsWith(task) && String(row.method).startsWith(method),
          )?.['relative RMS error'],
        ),
      );
    for (const task of ['super-resolution', 'inpainting']) {
      expect(err(task, 'RVGP')).toBeLessThan(err(task, 'scalar'));
      expect(err(task, 'RVGP')).toBeLessThan(0.5);
    }
  });
});

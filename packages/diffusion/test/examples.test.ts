import { describe, expect, it } from 'vitest';
import multiplicativeDigits from '../examples/multiplicative-digits.js';
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
  it('multiplicative-digits: both models train and sample; multiplicative samples are never ≤ 0', async () => {
    const r = await multiplicativeDigits.run(ctx);
    expect(r.figures).toHaveLength(2);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    const rows = r.table.filter((row) => row.model === 'multiplicative');
    expect(rows.length).toBe(4); // two data sets × (DLS, ODE)
    for (const row of rows) expect(row['non-positive entries']).toBe('0.00 %');
    for (const row of r.table) expect(Number.isFinite(Number(String(row['sliced W₂'])))).toBe(true);
    // the held-out floor is below every trained model on the log-normal mixture
    const mix = r.table.filter((row) => String(row.data).startsWith('log-normal'));
    const floor = Number(
      mix.find((row) => String(row.model).startsWith('held-out'))?.['sliced W₂'],
    );
    for (const row of mix)
      if (!String(row.model).startsWith('held-out'))
        expect(Number(row['sliced W₂'])).toBeGreaterThan(floor);
  }, 180_000); // four short trainings and eight sampling runs: ~15 s alone, 3–4× that on a loaded machine
});

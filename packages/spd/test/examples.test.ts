import { describe, expect, it } from 'vitest';
import batchNorm, { QUICK, runExperiment, VARIANTS } from '../examples/batch-norm.js';
import eegAcm from '../examples/eeg-acm.js';
import geodesics from '../examples/geodesics.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('geodesics: Euclidean swells the determinant, AIRM/LEM/LCM keep det = 1, and an SVG is drawn', async () => {
    const r = await geodesics.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const sw = Object.fromEntries(
      r.table.map((row) => [row.metric, Number(row['swelling (max det / det A)'])]),
    );
    expect(sw.euclidean).toBeGreaterThan(sw['bures-wasserstein']);
    expect(sw['bures-wasserstein']).toBeGreaterThan(1.5);
    // det(A#_t B) = det(A)^{1−t} det(B)^t = 1: only rounding of a few 2×2 products remains
    for (const m of ['affine-invariant', 'log-euclidean', 'log-cholesky'])
      expect(Math.abs(sw[m] - 1)).toBeLessThan(1e-12);
  });
  it('eeg-acm: augmented covariances beat plain ones and a heatmap is drawn', async () => {
    const r = await eegAcm.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    const m = Object.fromEntries(r.table.map((row) => [row.pipeline, Number(row.mean)]));
    expect(m['ACM + MDM']).toBeGreaterThan(m.MDM + 0.15);
    expect(m['ACM + TS + LR']).toBeGreaterThan(m['TS + LR'] + 0.15);
  });
  it('batch-norm (small version): training reduces the loss for every variant, figures are drawn', async () => {
    const runs = runExperiment({ ...QUICK, epochs: 4, perClass: 32 });
    expect(runs.map((r) => r.variant)).toEqual(VARIANTS.map((v) => v.label));
    for (const r of runs) {
      expect(r.loss.length).toBe(4);
      expect(r.loss[3], r.variant).toBeLessThan(r.loss[0]);
    }
    const r = await batchNorm.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual(['rbn-training-loss', 'rbn-test-accuracy']);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.length).toBe(VARIANTS.length);
  });
});

import { describe, expect, it } from 'vitest';
import attentionSvm from '../examples/attention-svm.js';
import cboRastrigin from '../examples/cbo-rastrigin.js';
import eigenvectors from '../examples/eigenvectors.js';
import matrixSensingExample from '../examples/matrix-sensing.js';
import newtonSchulzExample from '../examples/newton-schulz.js';

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

  it('cbo-rastrigin runs (reduced study) and anisotropic noise beats isotropic in every dimension', async () => {
    const r = await cboRastrigin.run(ctx);
    expect(r.figures[0].svg).toMatch(/^<(svg|figure)/);
    for (const d of [10, 20]) {
      const count = (noise: string) =>
        Number(
          String(
            r.table.find((row) => row.d === d && row.noise === noise && row.N === 40)?.successes,
          ).split('/')[0],
        );
      expect(count('anisotropic')).toBeGreaterThan(count('isotropic'));
    }
  });

  it('newton-schulz maps rectangular Gaussian matrices into the band', async () => {
    const r = await newtonSchulzExample.run(ctx);
    const tall = r.table.find((row) => row.shape === '128×32');
    expect(tall?.['min s(NS(G))']).toBeGreaterThan(0.68);
    expect(tall?.['max s(NS(G))']).toBeLessThan(1.21);
  });

  it('matrix-sensing fits a sublinear symmetric slope, α-dependent asymmetric rates and α-free modified ones', async () => {
    const r = await matrixSensingExample.run(ctx);
    const slope = (i: number) => r.table[i]['fitted slope of log ‖Z − M*‖_F'] as number;
    expect(slope(1)).toBeLessThan(-0.7);
    expect(slope(1)).toBeGreaterThan(-1.3);
    expect(slope(2)).toBeLessThan(slope(3));
    expect(Math.abs(slope(4) / slope(5) - 1)).toBeLessThan(0.25);
    expect(slope(4)).toBeLessThan(5 * slope(2));
  });

  it('attention-svm: the correlation with W_mm reaches 0.999 where the optimal tokens are selected', async () => {
    const r = await attentionSvm.run(ctx);
    expect(r.figures).toHaveLength(1);
    for (const row of r.table) {
      expect(row['KKT residual']).toBeLessThan(1e-10);
      expect(row['correlation with the SVM of the selected tokens']).toBeGreaterThan(0.999);
    }
  });
});

import { describe, expect, it } from 'vitest';
import pressureRegression from '../examples/pressure-regression.js';
import wingCurvature from '../examples/wing-curvature.js';

const ctx = { quick: true, progress: () => {} };
const value = (table: Record<string, unknown>[], prefix: string) =>
  Number(table.find((r) => String(r.quantity).startsWith(prefix))?.value);

describe('gallery examples (quick runs)', () => {
  it('wing-curvature: three SVG figures, Gauss–Bonnet and Theorema Egregium hold on the wing grid', async () => {
    const r = await wingCurvature.run(ctx);
    expect(r.figures).toHaveLength(3);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(value(r.table, 'Euler characteristic')).toBe(0);
    // Σ of 768 angle defects, each exact to a few ulps of 2π
    expect(Math.abs(value(r.table, 'Σ angle defects'))).toBeLessThan(1e-10);
    // the same jet enters both routes; rounding only, away from the crease
    expect(value(r.table, 'max |R₁₂₁₂/det g − K|')).toBeLessThan(1e-10);
    // the leading edge is the most curved place of the wing
    expect(Math.abs(value(r.table, 'H at mid-span leading edge'))).toBeGreaterThan(
      10 * Math.abs(value(r.table, 'H at mid-span, 50 %')),
    );
  });
  it('pressure-regression: every arm trains and is evaluated on unseen conditions', async () => {
    const r = await pressureRegression.run(ctx);
    expect(r.figures).toHaveLength(2);
    expect(r.table).toHaveLength(3);
    for (const row of r.table) {
      const m = Number(row['test MSE (mean)']);
      expect(Number.isFinite(m)).toBe(true);
      // better than predicting the mean Cp, even after the few epochs of a quick run
      expect(Number(row['test MSE / Var(Cp)'])).toBeLessThan(1);
    }
  });
});

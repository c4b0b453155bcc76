import { describe, expect, it } from 'vitest';
import mfac from '../examples/mfac.js';
import secondOrder from '../examples/second-order.js';
import spectrum from '../examples/spectrum.js';
import stability from '../examples/stability.js';

const ctx = { quick: true, progress: () => {} };
// each quick run happens once; later assertions reuse it
const runs = new Map<unknown, ReturnType<typeof spectrum.run>>();
const run = (example: typeof spectrum) => {
  if (!runs.has(example)) runs.set(example, example.run(ctx));
  return runs.get(example) as ReturnType<typeof spectrum.run>;
};

describe('gallery examples (quick runs)', () => {
  it.each([
    ['spectrum', spectrum],
    ['second-order', secondOrder],
    ['stability', stability],
    ['mfac', mfac],
  ])('%s runs and returns an SVG figure, a table and a summary', async (_name, example) => {
    const r = await run(example);
    expect(r.figures.length).toBeGreaterThan(0);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.length).toBeGreaterThan(0);
    expect(r.summary.length).toBeGreaterThan(50);
  });

  it('second-order: every GNS variant reaches 1e-10 in fewer iterations than gradient descent', async () => {
    const r = await run(secondOrder);
    const iters = r.table.map((row) => row['iterations to 1e-10']);
    expect(iters.every((v) => typeof v === 'number')).toBe(true);
    expect(Math.max(...(iters.slice(0, 3) as number[]))).toBeLessThan(iters[3] as number);
  });

  it('spectrum: the top of the spectrum has about k − 1 = 4 outliers for 5 classes', async () => {
    const r = await run(spectrum);
    const outliers = r.table.filter((row) => row.outlier === 'yes').length;
    expect(outliers).toBeGreaterThanOrEqual(3);
    expect(outliers).toBeLessThanOrEqual(5);
  });
});

describe('gallery examples: the numbers in the tables hold what the summaries say', () => {
  const num = (v: unknown) => v as number;

  it('spectrum: eigenvalues decrease, the outliers end at the largest ratio, the summary quotes the table', async () => {
    const r = await run(spectrum);
    const values = r.table.map((row) => num(row.eigenvalue));
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
    let gapAt = 1;
    let best = 0;
    for (let i = 0; i + 1 < values.length; i++) {
      const ratio = values[i] / Math.max(Math.abs(values[i + 1]), 1e-12);
      if (ratio > best) [best, gapAt] = [ratio, i + 1];
    }
    expect(r.table.map((row) => row.outlier)).toEqual(
      values.map((_, i) => (i < gapAt ? 'yes' : 'no')),
    );
    expect(r.summary).toContain(`has ${gapAt} eigenvalues above its largest spectral gap`);
    expect(r.summary).toContain(`λ_max = ${values[0].toFixed(3)}`);
  });

  it('second-order: every method reaches ‖∇f‖ ≤ 1e-10, with the iteration counts the summary quotes', async () => {
    const r = await run(secondOrder);
    for (const row of r.table) expect(num(row['final ‖∇f‖'])).toBeLessThanOrEqual(1e-10);
    const iters = r.table.map((row) => num(row['iterations to 1e-10']));
    expect(r.summary).toContain(`in ${iters[0]} iterations; gradient descent`);
    expect(r.summary).toContain(`needs ${iters[3]}.`);
    expect(r.summary).toContain(`need ${iters[1]} and ${iters[2]} iterations`);
  });

  it('stability: runs that did not diverge interpolate and sit where η·λ_max ≤ 2 (linear stability of GD)', async () => {
    const r = await run(stability);
    const converged = r.table.filter((row) => row['final loss'] !== 'diverged');
    const diverged = r.table.filter((row) => row['final loss'] === 'diverged');
    expect(converged.length).toBeGreaterThan(0);
    // divergence only above every learning rate that converged
    for (const row of diverged)
      expect(num(row.η)).toBeGreaterThan(Math.max(...converged.map((c) => num(c.η))));
    for (const row of converged) {
      const lr = num(row.η);
      expect(num(row['final loss'])).toBeLessThan(1e-3);
      // a Hessian at an interpolating minimum of a squared loss is PSD: λ_max ≤ tr(H)
      expect(num(row.λ_max)).toBeLessThan(num(row['tr(H)']));
      expect(num(row['η·λ_max'])).toBeCloseTo(lr * num(row.λ_max), 14);
      expect(num(row['η·tr(H)'])).toBeCloseTo(lr * num(row['tr(H)']), 14);
      expect(num(row['η·λ_max'])).toBeLessThanOrEqual(2);
      expect(row['GD-stable']).toBe(num(row['η·λ_max']) <= 2 ? 'yes' : 'no');
      expect(row['SGD-stable']).toBe(num(row['η·tr(H)']) <= 2 ? 'yes' : 'no');
    }
    const within = converged.filter((row) => num(row['η·tr(H)']) <= 2).length;
    expect(r.summary).toContain(`In ${within} of ${converged.length} runs that did not diverge`);
    expect(r.summary).toContain(`${diverged.length} larger learning rates diverged`);
  });

  it('mfac: the pruning rows start from the Adam-trained network and the summary counts the wins', async () => {
    const r = await run(mfac);
    const training = r.table.filter((row) => String(row.experiment).startsWith('train: '));
    const pruning = r.table.filter((row) => String(row.experiment).startsWith('prune '));
    expect(training.map((row) => row.experiment)).toEqual([
      'train: SGD (momentum 0.9)',
      'train: Adam',
      'train: M-FAC (m = 32)',
    ]);
    expect(pruning.length).toBeGreaterThan(0);
    const adamLoss = num(training[1].loss);
    for (const row of pruning) expect(row.detail).toBe(`unpruned loss ${adamLoss.toPrecision(4)}`);
    for (const row of training) expect(Number.isFinite(num(row.loss))).toBe(true);
    const wins = pruning.filter((row) => num(row.loss) < num(row['magnitude-pruning loss'])).length;
    expect(r.summary).toContain(`at ${wins} of ${pruning.length} sparsities`);
    expect(r.summary).toContain(
      `Adam ${adamLoss.toExponential(2)}, M-FAC (m = 32) ${num(training[2].loss).toExponential(2)}`,
    );
  });
});

// The GBW batch-normalization experiment of the gallery (examples/gbw-claim.ts): its learning
// rate selection rule, and a quick run of the whole protocol at tiny sizes.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import gbwClaim, {
  chooseLearningRates,
  evaluationJobs,
  type JobResult,
  jsonlJobStore,
  QUICK,
  runExperiment,
  selectionJobs,
  VARIANTS,
} from '../examples/gbw-claim.js';

function result(
  variant: string,
  lr: number,
  valAccuracy: number,
  valLoss: number,
  failed?: string,
): JobResult {
  return {
    dataset: 'skeleton',
    variant,
    lr,
    seed: 0,
    phase: 'select',
    failed,
    trainLoss: [],
    epochSeconds: [],
    trainSampleLoss: [],
    valAccuracy,
    valLoss,
    testCorrect: [],
  };
}

describe('gbw-claim: learning-rate selection', () => {
  it('picks the highest validation accuracy, breaks ties by the lower validation loss, skips failed runs', () => {
    const chosen = chooseLearningRates([
      result('none', 0.01, 0.8, 0.5),
      result('none', 0.03, 0.9, 0.7),
      result('none', 0.1, 0.9, 0.6),
      result('BW-RBN', 0.01, 0.5, 1),
      result('BW-RBN', 0.03, 0.95, 0.1, 'NonFiniteError: the loss became NaN'),
      result('AIRM-RBN', 0.01, 0.9, 0.2, 'ConvergenceError'),
    ]);
    expect(chosen['skeleton/none']).toBe(0.1);
    expect(chosen['skeleton/BW-RBN']).toBe(0.01);
    expect(chosen['skeleton/AIRM-RBN']).toBeUndefined();
    const jobs = evaluationJobs({ ...QUICK, datasets: ['skeleton'], seeds: [1, 2] }, chosen);
    // a variant whose every rate failed is not run; the others once per seed at their rate
    expect(jobs.map((j) => `${j.variant}@${j.lr}#${j.seed}`)).toEqual([
      'none@0.1#1',
      'BW-RBN@0.01#1',
      'none@0.1#2',
      'BW-RBN@0.01#2',
    ]);
  });

  it('sweeps every variant over the same grid on the selection seed', () => {
    const jobs = selectionJobs(QUICK);
    expect(jobs.length).toBe(QUICK.datasets.length * VARIANTS.length * QUICK.lrGrid.length);
    expect(new Set(jobs.map((j) => j.seed))).toEqual(new Set([QUICK.selectionSeed]));
  });
});

describe('gbw-claim (quick run)', () => {
  it('trains every variant on both datasets, reports κ, accuracy, epochs to loss and time, and draws the figures', async () => {
    const r = await gbwClaim.run({ quick: true, progress: () => {} });
    expect(r.figures.map((f) => f.name)).toEqual([
      'gbw-kappa-distribution',
      'gbw-skeleton-accuracy-vs-kappa',
      'gbw-skeleton-epochs-vs-kappa',
      'gbw-skeleton-training-loss',
      'gbw-eeg-accuracy-vs-kappa',
      'gbw-eeg-epochs-vs-kappa',
      'gbw-eeg-training-loss',
    ]);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.length).toBe(2 * VARIANTS.length);
    for (const row of r.table) {
      // every variant trained at its chosen rate without a numerical failure
      expect(row.runs, `${row.dataset} ${row.variant}`).toBe('1/1');
      expect(Number(row['s / epoch'])).toBeGreaterThanOrEqual(0);
      expect(String(row['test acc (mean ± sd)'])).toMatch(/^\d\.\d{3} ± \d\.\d{3}$/);
    }
    // the skeleton covariances are ill-conditioned, as HDM05's are
    expect(r.summary).toMatch(/HDM05-like skeletons: log10 κ from ([5-9]|1\d)\./);
  });
});

describe('gbw-claim: job store', () => {
  it('keeps every finished run in the file, reuses it for the same configuration only, and extends a run by seeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gbw-store-'));
    try {
      const path = join(dir, 'jobs.jsonl');
      const cfg = { ...QUICK, datasets: ['eeg' as const] };
      const lines = () => readFileSync(path, 'utf8').trim().split('\n').length;
      // everything but the measured seconds per epoch
      const trained = (rs: JobResult[]) => rs.map(({ epochSeconds: _, ...r }) => r);
      const first = runExperiment(cfg, () => {}, jsonlJobStore(path, cfg));
      const jobs = selectionJobs(cfg).length + VARIANTS.length;
      expect(lines()).toBe(jobs);
      // the same configuration again: nothing is trained, the results are the stored ones
      const again = runExperiment(cfg, () => {}, jsonlJobStore(path, cfg));
      expect(lines()).toBe(jobs);
      expect(again.evaluation).toEqual(first.evaluation);
      expect(again.chosen).toEqual(first.chosen);
      // one more seed: only its runs are trained, and they equal a run without a store
      const more = { ...cfg, seeds: [1, 2] };
      const extended = runExperiment(more, () => {}, jsonlJobStore(path, more));
      expect(lines()).toBe(jobs + VARIANTS.length);
      expect(trained(extended.evaluation)).toEqual(trained(runExperiment(more).evaluation));
      // another budget is another experiment: the stored runs are not used
      const longer = { ...cfg, epochs: cfg.epochs + 1 };
      runExperiment(longer, () => {}, jsonlJobStore(path, longer));
      expect(lines()).toBe(jobs + VARIANTS.length + jobs);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

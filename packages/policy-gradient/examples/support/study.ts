// Shared machinery of the learning-curve studies: run an algorithm over several seeds, evaluate
// the parameters at a fixed grid of sample counts, and summarize curves and hitting times.
import { Plot, plotToSVG, type Row } from '@rg/gallery';
import type { TrainProgress } from '../../src/index.js';

/** One algorithm of a study: how to train with a seed, reporting progress. */
export interface Contender {
  label: string;
  /** hyperparameters as shown in the table */
  settings: string;
  run(seed: number, budget: number, onProgress: (p: TrainProgress) => void): void;
}

/** Evaluations of one run on the sample grid (NaN past the end of the run). */
export interface Curve {
  samples: number[];
  values: number[];
  /** the first sample count whose evaluation reached the target, or Infinity */
  hit: number;
  final: number;
  seconds: number;
}

/**
 * Train `contender` with `seed` for `budget` samples, evaluating θ each time the sample count
 * passes a multiple of `every` (the evaluation is not counted as samples).
 */
export function trace(
  contender: Contender,
  seed: number,
  budget: number,
  every: number,
  theta0: Float64Array,
  evaluate: (theta: Float64Array) => number,
  target: number,
): Curve {
  let last = evaluate(theta0);
  const samples: number[] = [0];
  const values: number[] = [last];
  let next = every;
  let hit = last >= target ? 0 : Number.POSITIVE_INFINITY;
  const t0 = performance.now();
  contender.run(seed, budget, (p) => {
    if (p.samples >= next || p.samples >= budget) {
      last = evaluate(p.theta);
      samples.push(p.samples);
      values.push(last);
      if (hit === Number.POSITIVE_INFINITY && last >= target) hit = p.samples;
      while (next <= p.samples) next += every;
    }
  });
  return { samples, values, hit, final: last, seconds: (performance.now() - t0) / 1000 };
}

export const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
export const sd = (v: number[]) => {
  if (v.length < 2) return 0;
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
};

/**
 * "m ± s" with `digits` significant digits over the finite values, "(k diverged)" appended when
 * some are not finite, "—" when none is
 */
export const pm = (v: number[], digits = 3) => {
  const ok = v.filter(Number.isFinite);
  const bad = v.length - ok.length;
  const tail = bad > 0 ? ` (${bad} diverged)` : '';
  if (ok.length === 0) return `—${tail}`;
  const m = Number(mean(ok).toPrecision(digits));
  if (ok.length === 1) return `${m} (1 run)${tail}`;
  return `${m} ± ${Number(sd(ok).toPrecision(2))}${tail}`;
};

/**
 * mean ± sd of the (transformed) evaluations on a common grid of sample counts, over the runs
 * whose value there is finite; with `log` the statistics are taken of log₁₀ values (geometric
 * mean ×/÷ geometric sd), for quantities plotted on a log scale
 */
export function band(
  curves: Curve[],
  grid: number[],
  transform: (v: number) => number = (v) => v,
  log = false,
): { x: number; mean: number; lo: number; hi: number }[] {
  return grid.map((x) => {
    const at = curves.map((c) => {
      // the last evaluation at or before x (NaN past the end of the run)
      let v = Number.NaN;
      if (x <= c.samples[c.samples.length - 1])
        for (let i = 0; i < c.samples.length && c.samples[i] <= x; i++) v = c.values[i];
      const t = transform(v);
      return log ? Math.log10(t) : t;
    });
    const ok = at.filter(Number.isFinite);
    const m = ok.length ? mean(ok) : Number.NaN;
    const s = sd(ok);
    return log
      ? { x, mean: 10 ** m, lo: 10 ** (m - s), hi: 10 ** (m + s) }
      : { x, mean: m, lo: m - s, hi: m + s };
  });
}

/** learning curves (mean line, ±1 sd band) of several contenders */
export function curvesFigure(
  series: { label: string; points: ReturnType<typeof band> }[],
  y: { label: string; type?: 'linear' | 'log'; domain?: [number, number] },
  target?: number,
  xLabel = 'environment steps (samples)',
): string {
  const rows = series.flatMap((s) =>
    s.points.filter((p) => Number.isFinite(p.mean)).map((p) => ({ ...p, algorithm: s.label })),
  );
  return plotToSVG({
    width: 720,
    height: 400,
    marginLeft: 60,
    x: { label: xLabel, grid: true },
    y: {
      label: y.label,
      type: y.type ?? 'linear',
      domain: y.domain,
      grid: true,
      ...(y.type === 'log' ? { tickFormat: '~g' } : {}),
    },
    color: { legend: true },
    marks: [
      Plot.areaY(rows, {
        x: 'x',
        y1: 'lo',
        y2: 'hi',
        fill: 'algorithm',
        fillOpacity: 0.15,
        clip: true,
      }),
      Plot.line(rows, { x: 'x', y: 'mean', stroke: 'algorithm', strokeWidth: 2, clip: true }),
      ...(target === undefined
        ? []
        : [Plot.ruleY([target], { stroke: '#6c757d', strokeDasharray: '4 3' })]),
    ],
  });
}

/** one table row per contender: hitting samples and final evaluation over the seeds */
export function summaryRow(
  env: string,
  c: Contender,
  curves: Curve[],
  finalLabel: string,
  finalDigits = 3,
): Row {
  const hits = curves.map((x) => x.hit).filter(Number.isFinite);
  return {
    environment: env,
    algorithm: c.label,
    settings: c.settings,
    'samples to target (mean ± sd)': hits.length === 0 ? '—' : pm(hits, 3),
    'runs reaching target': `${hits.length}/${curves.length}`,
    [finalLabel]: pm(
      curves.map((x) => x.final),
      finalDigits,
    ),
    'seconds per run': Number(mean(curves.map((x) => x.seconds)).toFixed(2)),
  };
}

/** "m ± s steps (k/n runs)" for the samples to target, or "not reached (0/n runs)" */
export function hitText(curves: Curve[]): string {
  const hits = curves.map((c) => c.hit).filter(Number.isFinite);
  const runs = `${hits.length}/${curves.length} runs`;
  return hits.length === 0 ? `not reached (${runs})` : `${pm(hits)} steps (${runs})`;
}

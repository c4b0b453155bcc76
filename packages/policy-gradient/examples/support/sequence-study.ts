// Shared machinery of the sequence-RL studies: a warm-started transformer policy per seed, runs
// traced on held-out prompts every few updates, and the curves in the shape of study.ts.
import type { Optimizer } from '@rg/optim';
import {
  type SequenceEvaluation,
  type SequencePolicy,
  supervisedWarmStart,
  type TokenTask,
  type TrainProgress,
  transformerPolicy,
} from '../../src/index.js';
import type { Curve } from './study.js';

/** The policy of every study: a 1-block decoder, width 32, 2 heads (about 10 000 parameters). */
export function studyPolicy(task: TokenTask, seed: number): SequencePolicy {
  return transformerPolicy({
    maxTokens: task.promptLength + task.responseLength,
    dModel: 32,
    heads: 2,
    layers: 1,
    seed,
  });
}

/**
 * supervised warm start to pass@1 ≥ 0.2 on training prompts (checked every 10 steps on 64 of
 * them), at most 600 steps; `quick`: at most 20 steps, checks on 16 prompts (the quick forms)
 */
export function warmStart(task: TokenTask, policy: SequencePolicy, seed: number, quick = false) {
  const t0 = performance.now();
  const w = supervisedWarmStart(task, policy, {
    steps: quick ? 20 : 600,
    checkPrompts: quick ? 16 : 64,
    lr: 3e-3,
    seed,
    targetPassAt1: 0.2,
    checkEvery: 10,
  });
  return {
    theta: w.theta,
    steps: w.steps,
    passAt1: w.checks.length ? w.checks[w.checks.length - 1].passAt1 : Number.NaN,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** one traced run: evaluations on the grid of updates, the progress stats of every update */
export interface SequenceTrace {
  updates: number[];
  evals: SequenceEvaluation[];
  stats: Record<string, number>[];
  /** seconds per update, evaluations excluded */
  secondsPerUpdate: number;
}

/**
 * Run `train` (which calls its algorithm with the given onProgress), evaluating θ on held-out
 * prompts before the first update and after every `every` updates (and after the last).
 */
export function traceRun(
  train: (onProgress: (p: TrainProgress) => void) => void,
  theta0: Float64Array,
  evaluate: (theta: Float64Array) => SequenceEvaluation,
  every: number,
  total: number,
): SequenceTrace {
  const updates = [0];
  const evals = [evaluate(theta0)];
  const stats: Record<string, number>[] = [];
  let evalTime = 0;
  const t0 = performance.now();
  train((p) => {
    stats.push({ ...p.stats });
    if (p.iteration % every === 0 || p.iteration === total) {
      const e0 = performance.now();
      updates.push(p.iteration);
      evals.push(evaluate(p.theta));
      evalTime += performance.now() - e0;
    }
  });
  const seconds = (performance.now() - t0 - evalTime) / 1000;
  return { updates, evals, stats, secondsPerUpdate: seconds / Math.max(1, stats.length) };
}

/** a metric of a trace as a Curve of study.ts (x = updates), for `band` */
export function curveOf(t: SequenceTrace, metric: (e: SequenceEvaluation) => number): Curve {
  const values = t.evals.map(metric);
  return {
    samples: t.updates,
    values,
    hit: Number.POSITIVE_INFINITY,
    final: values[values.length - 1],
    seconds: t.secondsPerUpdate * t.stats.length,
  };
}

/** a progress stat of a trace as a Curve (one point per update) */
export function statCurve(t: SequenceTrace, key: string): Curve {
  const values = t.stats.map((s) => s[key]);
  return {
    samples: values.map((_, i) => i + 1),
    values,
    hit: Number.POSITIVE_INFINITY,
    final: values[values.length - 1],
    seconds: 0,
  };
}

/** the mean of a progress stat over a trace's updates (NaN-free stats only) */
export function statMean(t: SequenceTrace, key: string, from = 0): number {
  const v = t.stats.slice(from).map((s) => s[key]);
  return v.reduce((a, b) => a + b, 0) / v.length;
}

export type OptimizerFactory = () => Optimizer;

// The step-size and momentum schedules of N-PG-IGT and (N)-HARPG (Fatkhullin, Barakat, Kireeva &
// He 2023, "Stochastic policy gradient methods: improved sample complexity for Fisher-non-
// degenerate policies", Theorems 3.1 and 4.2).
import type { MomentumScheduleOptions } from '../train-types.js';
import { inRange, nonNegative, positive } from './checks.js';

export interface Schedules {
  /** γₜ */
  lr(t: number): number;
  /** ηₜ */
  eta(t: number): number;
}

export function schedulesOf(fn: string, o: MomentumScheduleOptions, etaDecay: number): Schedules {
  const lr0 = positive(fn, 'options.lr', o.lr ?? 0.1);
  const lrDecay = nonNegative(fn, 'options.lrDecay', o.lrDecay ?? 1);
  const eta0 = inRange(fn, 'options.eta0', o.eta0 ?? 1, 0, 1, true);
  const etaPow = nonNegative(fn, 'options.etaDecay', o.etaDecay ?? etaDecay);
  return {
    lr: (t) => lr0 * (2 / (t + 2)) ** lrDecay,
    eta: (t) => eta0 * (2 / (t + 2)) ** etaPow,
  };
}

// The step-size and momentum schedules of N-PG-IGT and (N)-HARPG (Fatkhullin, Barakat, Kireeva &
// He 2023, "Stochastic policy gradient methods: improved sample complexity for Fisher-non-
// degenerate policies", Theorems 3.1 and 4.2).
import { checkInRange, checkPositive } from '@rg/linalg';
import type { MomentumScheduleOptions } from '../train-types.js';

export interface Schedules {
  /** γₜ */
  lr(t: number): number;
  /** ηₜ */
  eta(t: number): number;
}

export function schedulesOf(fn: string, o: MomentumScheduleOptions, etaDecay: number): Schedules {
  const lr0 = checkPositive(fn, 'options.lr', o.lr ?? 0.1);
  const lrDecay = checkPositive(fn, 'options.lrDecay', o.lrDecay ?? 1, true);
  const eta0 = checkInRange(fn, 'options.eta0', o.eta0 ?? 1, 0, 1, true);
  const etaPow = checkPositive(fn, 'options.etaDecay', o.etaDecay ?? etaDecay, true);
  return {
    lr: (t) => lr0 * (2 / (t + 2)) ** lrDecay,
    eta: (t) => eta0 * (2 / (t + 2)) ** etaPow,
  };
}

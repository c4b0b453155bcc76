import { InvalidArgumentError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { constantSchedule, cosineSchedule, linearWarmup, stepSchedule } from './index.js';

describe('schedules', () => {
  it('constant, step and cosine schedules give their closed forms', () => {
    expect(constantSchedule(0.3)(7)).toBe(0.3);
    const s = stepSchedule({ lr: 2, stepSize: 3, gamma: 0.1 });
    expect([s(0), s(2), s(3), s(6)].map((x) => +x.toPrecision(12))).toEqual([2, 2, 0.2, 0.02]);
    const c = cosineSchedule({ lr: 1, totalSteps: 4, minLr: 0.2 });
    expect(c(2)).toBeCloseTo(0.6, 15);
    expect(c(10)).toBeCloseTo(0.2, 15);
    expect(() => cosineSchedule({ lr: 1, totalSteps: 0 })).toThrow(InvalidArgumentError);
    expect(() => constantSchedule(0)).toThrow(InvalidArgumentError);
    expect(() => stepSchedule({ lr: 1, stepSize: 1, gamma: 0 })).toThrow(/gamma/);
  });

  it('linearWarmup rises linearly to after(0) and hands over to after(step − warmupSteps)', () => {
    const after = stepSchedule({ lr: 0.8, stepSize: 2, gamma: 0.5 });
    const s = linearWarmup({ warmupSteps: 4, after: after, startFactor: 0.5 });
    // 0.8 · (0.5 + 0.5 · t/4) for t < 4
    for (const t of [0, 1, 2, 3]) expect(s(t)).toBeCloseTo(0.8 * (0.5 + 0.125 * t), 15);
    expect([4, 5, 6, 7].map(s)).toEqual([0.8, 0.8, 0.4, 0.4]);
    expect(linearWarmup({ warmupSteps: 2, after: 3 })(1)).toBe(1.5);
    expect(() => linearWarmup({ warmupSteps: 0, after: 1 })).toThrow(/warmupSteps/);
    expect(() => linearWarmup({ warmupSteps: 2, after: -1 })).toThrow(/after/);
    expect(() => linearWarmup({ warmupSteps: 2, after: 1, startFactor: 2 })).toThrow(/startFactor/);
  });

  it('null or missing options are typed errors naming the schedule (issue #15)', () => {
    for (const o of [null, undefined]) {
      expect(() => stepSchedule(o as never)).toThrow(/^stepSchedule\(\): /);
      expect(() => cosineSchedule(o as never)).toThrow(/^cosineSchedule\(\): /);
      expect(() => linearWarmup(o as never)).toThrow(/^linearWarmup\(\): /);
      expect(() => stepSchedule(o as never)).toThrow(InvalidArgumentError);
    }
    expect(() => stepSchedule(null as never)).toThrow(/options must be an options object/);
  });
});

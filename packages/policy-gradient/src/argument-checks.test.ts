import { InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  gae,
  gridWorld,
  leaveOneOutBaseline,
  randomMDP,
  softmaxTabularPolicy,
  spaceSize,
  tabularMDP,
  trainingSteps,
  vanillaPG,
  vectorize,
} from '../src/index.js';

// Fuzz findings (issue #15): untyped errors for missing spaces, specs and environments,
// gae's errors named generalizedAdvantages(), leaveOneOutBaseline accepted missing starts,
// trainingSteps accepted a missing env or policy until the first next().
describe('argument checks', () => {
  it('spaceSize and tabularMDP refuse missing arguments', () => {
    expect(() => spaceSize(null as never)).toThrow(/^spaceSize\(\): space/);
    expect(() => spaceSize({ kind: 'other' } as never)).toThrow(InvalidArgumentError);
    expect(() => tabularMDP(undefined as never)).toThrow(/^tabularMDP\(\): spec/);
  });
  it('vectorize checks what make returns', () => {
    expect(() => vectorize(() => Number.NaN as never, 2)).toThrow(/^vectorize\(\): make\(0\)/);
    expect(() => vectorize(() => ({ reset() {}, step() {} }) as never, 2)).toThrow(
      /^vectorize\(\): make\(0\)\.observationSpace/,
    );
    expect(vectorize(() => gridWorld({ rows: 2, cols: 2 }), 2).copies).toBe(2);
  });
  it('gae names itself', () => {
    expect(() => gae(null as never, [0], { gamma: 0.9 })).toThrow(/^gae\(\): rewards/);
    expect(() => gae([1], [0], null as never)).toThrow(/^gae\(\): options/);
    expect(gae([1], [0], { gamma: 0.9 })).toEqual(Float64Array.of(1));
  });
  it('leaveOneOutBaseline requires starts', () => {
    expect(() => leaveOneOutBaseline([1, 2, 3], undefined as never)).toThrow(ShapeError);
    expect(leaveOneOutBaseline([1, 2, 3, 4, 5], [0, 2, 5])).toEqual(Float64Array.of(3, 4, 1, 2, 0));
  });
  it('trainingSteps refuses a missing env, policy or options object before iterating', () => {
    const mdp = randomMDP({ states: 3, actions: 2, seed: 1 });
    const pi = softmaxTabularPolicy(3, 2);
    expect(() => trainingSteps(vanillaPG, null as never, pi)).toThrow(/^trainingSteps\(\): env/);
    expect(() => trainingSteps(vanillaPG, mdp, undefined as never)).toThrow(
      /^trainingSteps\(\): policy/,
    );
    expect(() => trainingSteps(vanillaPG, mdp, pi, null as never)).toThrow(
      /^trainingSteps\(\): options/,
    );
  });
});

import { fromRows } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { dense, lossAndGradient, modelObjective } from '../src/index.js';
import fixture from './fixtures/losses.json' with { type: 'json' };

type Case = {
  name: string;
  loss: 'mse' | 'softmaxCrossEntropy' | 'logistic';
  output: number[][];
  targets: number[][] | number[];
  ignoreIndex?: number;
  value: number;
  gradient: number[][];
  scale: number;
  counted: number;
};
const cases = fixture.cases as Case[];

const targetsOf = (c: Case) =>
  Array.isArray(c.targets[0]) ? fromRows(c.targets as number[][]) : (c.targets as number[]);

/**
 * Both sides evaluate the same finite sums in float64 with stable formulas (max-shifted
 * log-sum-exp, log(1 + eˣ) without overflow). Each row of k entries carries about (k + 4)·ε
 * relative error in the absolute values it sums (`scale`, recorded per case as the mean of
 * |y|(|logsumexp| + |f|), softplus + |yf| or ½r²; + 1 for the O(1) of log Σ exp), and the mean
 * over n rows adds n·ε; the two results agree to twice that.
 */
function valueTolerance(c: Case): number {
  const n = c.output.length;
  const k = c.output[0].length;
  return 2 * (n + k + 4) * Number.EPSILON * (c.scale + 1);
}

describe('loss values and output gradients against NumPy/SciPy (test/fixtures/losses.json)', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    'lossAndGradient(output, targets, loss) on %s',
    (_name, c) => {
      const r = lossAndGradient(fromRows(c.output), targetsOf(c), c.loss, {
        ignoreIndex: c.ignoreIndex,
      });
      expect(r.counted).toBe(c.counted);
      expect(Math.abs(r.value - c.value)).toBeLessThanOrEqual(valueTolerance(c));
      // an entry of the gradient, (Σy)·softmax − y, sigmoid − y or f − y over the rows that
      // count, is a few roundings of quantities no larger than 1 + Σ|y| (or |f − y|)
      const k = c.output[0].length;
      c.gradient.flat().forEach((g, idx) => {
        const i = Math.floor(idx / k);
        const yRow = Array.isArray(c.targets[i]) ? (c.targets[i] as number[]) : [1];
        const size = 1 + yRow.reduce((s, y) => s + Math.abs(y), 0) + Math.abs(g) * c.counted;
        expect(Math.abs(r.gradient.data[idx] - g)).toBeLessThanOrEqual(
          (2 * (k + 4) * Number.EPSILON * size) / c.counted,
        );
      });
    },
  );

  it.each(cases.map((c) => [c.name, c] as const))(
    'modelObjective(identity dense layer, { x: output, y: targets }, loss).value equals it (%s)',
    (_name, c) => {
      // x·I + 0 reproduces the output exactly, so the objective's value is the loss itself
      const k = c.output[0].length;
      const model = dense({ inputs: k, outputs: k });
      const params = new Float64Array(k * k + k);
      for (let i = 0; i < k; i++) params[i * k + i] = 1;
      const f = modelObjective(model, { x: fromRows(c.output), y: targetsOf(c) }, c.loss, {
        ignoreIndex: c.ignoreIndex,
      });
      expect(f.counted).toBe(c.counted);
      expect(Math.abs(f.value(params) - c.value)).toBeLessThanOrEqual(valueTolerance(c));
    },
  );
});

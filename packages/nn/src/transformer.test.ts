import { type Matrix, rng } from '@rg/linalg';
import { adam } from '@rg/optim';
import { describe, expect, it } from 'vitest';
import {
  dense,
  embedding,
  type Layer,
  layerNorm,
  learnedPositions,
  lossAndGradient,
  sequential,
  sinusoidalPositions,
  transformerBlock,
} from './index.js';

/** Train a 2-layer transformer with Adam on one fixed batch until every target is predicted. */
function trainToPerfect(
  model: Layer,
  x: Matrix,
  targets: Float64Array,
  tokens: number,
  vocab: number,
  maxSteps: number,
) {
  const opt = adam({ lr: 3e-3 });
  for (let step = 0; step <= maxSteps; step++) {
    const out = model.forward(x, { tokens });
    let correct = 0;
    let counted = 0;
    for (let i = 0; i < targets.length; i++) {
      if (targets[i] < 0) continue;
      counted++;
      let best = 0;
      for (let c = 1; c < vocab; c++)
        if (out.data[i * vocab + c] > out.data[i * vocab + best]) best = c;
      if (best === targets[i]) correct++;
    }
    if (correct === counted) return { step, accuracy: 1 };
    const { gradient } = lossAndGradient(out, targets, 'softmaxCrossEntropy', { ignoreIndex: -1 });
    model.zeroGrad();
    model.backward(gradient);
    opt.step(model.parameters());
    if (step === maxSteps) return { step, accuracy: correct / counted };
  }
  throw new Error('unreachable');
}

function randomIds(n: number, tokens: number, vocab: number, seed: number): Matrix {
  const r = rng(seed);
  return {
    rows: n,
    cols: tokens,
    data: Float64Array.from({ length: n * tokens }, () => r.int(vocab)),
  };
}

function transformer(
  vocab: number,
  tokens: number,
  d: number,
  causal: boolean,
  positions: 'learned' | 'sinusoidal',
) {
  const w = rng(2);
  return sequential([
    embedding({ vocab, dim: d, seed: w }),
    positions === 'learned'
      ? learnedPositions({ maxTokens: tokens, dim: d, seed: w })
      : sinusoidalPositions(),
    transformerBlock({ dModel: d, heads: 4, hidden: 2 * d, causal, seed: w }),
    transformerBlock({ dModel: d, heads: 4, hidden: 2 * d, causal, seed: w }),
    layerNorm({ features: d }),
    dense({ inputs: d, outputs: vocab, seed: w }),
  ]);
}

describe('a 2-layer transformer (d = 32, 4 heads) trained with Adam on 64 sequences of 6 tokens over 8 symbols', () => {
  const vocab = 8;
  const T = 6;
  const n = 64;
  const x = randomIds(n, T, vocab, 1);

  it('learns to reverse them to 100% train accuracy (bidirectional attention, learned positions)', () => {
    const targets = new Float64Array(n * T);
    for (let b = 0; b < n; b++)
      for (let t = 0; t < T; t++) targets[b * T + t] = x.data[b * T + T - 1 - t];
    const r = trainToPerfect(
      transformer(vocab, T, 32, false, 'learned'),
      x,
      targets,
      T,
      vocab,
      400,
    );
    // measured: 100% after 37 steps (the causal copy below: 39)
    expect(r.accuracy).toBe(1);
  });

  it('learns to copy the previous token to 100% (causal attention, sinusoidal positions, first target ignored)', () => {
    const targets = new Float64Array(n * T);
    for (let b = 0; b < n; b++)
      for (let t = 0; t < T; t++) targets[b * T + t] = t === 0 ? -1 : x.data[b * T + t - 1];
    const r = trainToPerfect(
      transformer(vocab, T, 32, true, 'sinusoidal'),
      x,
      targets,
      T,
      vocab,
      400,
    );
    expect(r.accuracy).toBe(1);
  });
});

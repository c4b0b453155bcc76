// Adam against Muon (Jordan et al. 2024) and Muon with noise-adaptive layerwise learning rates
// (@rg/optim's noiseAdaptive) on minibatch training of an MLP and of a small causal transformer.
import { defineExample, Plot, plotToSVG, type Row } from '@rg/gallery';
import { type Matrix, type Rng, rng } from '@rg/linalg';
import { adam, muon, noiseAdaptive, type Optimizer } from '@rg/optim';
import {
  activation,
  dense,
  embedding,
  type Layer,
  layerNorm,
  lossAndGradient,
  sequential,
  sinusoidalPositions,
  transformerBlock,
} from '../src/index.js';

/** vectors, the embedding and the read-out go to AdamW inside Muon (Jordan et al.'s advice) */
const useAdam = (name: string, v: Matrix): boolean =>
  v.rows === 1 || v.cols === 1 || /^(embed|head)\./.test(name);

const optimizers: [string, () => Optimizer][] = [
  ['Adam', () => adam({ lr: 3e-3 })],
  ['Muon', () => muon({ lr: 0.02, adam: { lr: 3e-3 }, useAdam })],
  [
    'Muon + noise-adaptive rates (grouped)',
    () =>
      noiseAdaptive(muon({ lr: 0.02, adam: { lr: 3e-3 }, useAdam }), {
        layers: (name, v) => !useAdam(name, v),
        group: () => 'hidden',
      }),
  ],
  [
    'Muon + noise-adaptive rates',
    () =>
      noiseAdaptive(muon({ lr: 0.02, adam: { lr: 3e-3 }, useAdam }), {
        layers: (name, v) => !useAdam(name, v),
      }),
  ],
];

interface Task {
  name: string;
  steps: number;
  /** a fresh model for a seed */
  model(seed: number): Layer;
  /** a training minibatch: inputs, class-index targets (−1 ignored) and forward options */
  batch(random: Rng): { x: Matrix; y: Float64Array; tokens?: number };
  /** the held-out set */
  test: { x: Matrix; y: Float64Array; tokens?: number };
  classes: number;
}

/** inputs in R^16 labelled by a random teacher network tanh(xA)B into 4 classes */
function teacherData(n: number, random: Rng, a: Float64Array, b: Float64Array) {
  const x = Float64Array.from({ length: n * 16 }, () => random.normal());
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const h = new Float64Array(16);
    for (let j = 0; j < 16; j++) {
      let s = 0;
      for (let k = 0; k < 16; k++) s += x[i * 16 + k] * a[k * 16 + j];
      h[j] = Math.tanh(s);
    }
    let best = 0;
    let bestV = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < 4; c++) {
      let s = 0;
      for (let j = 0; j < 16; j++) s += h[j] * b[j * 4 + c];
      if (s > bestV) {
        bestV = s;
        best = c;
      }
    }
    y[i] = best;
  }
  return { x: { rows: n, cols: 16, data: x }, y };
}

/** random sequences over 8 symbols; target: the previous token (none at position 0) */
function copyData(sequences: number, T: number, random: Rng) {
  const x = Float64Array.from({ length: sequences * T }, () => random.int(8));
  const y = new Float64Array(sequences * T);
  for (let s = 0; s < sequences; s++)
    for (let t = 0; t < T; t++) y[s * T + t] = t === 0 ? -1 : x[s * T + t - 1];
  return { x: { rows: sequences, cols: T, data: x }, y, tokens: T };
}

function tasks(quick: boolean): Task[] {
  const teacher = rng(7);
  const a = Float64Array.from({ length: 256 }, () => teacher.normal() / 2);
  const b = Float64Array.from({ length: 64 }, () => teacher.normal());
  const train = teacherData(2048, teacher, a, b);
  const T = 8;
  return [
    {
      name: 'MLP 16-64-64-4, teacher labels, batch 32',
      steps: quick ? 60 : 600,
      classes: 4,
      model: (seed) => {
        const w = rng(seed);
        return sequential([
          dense({ inputs: 16, outputs: 64, seed: w }),
          activation('tanh'),
          dense({ inputs: 64, outputs: 64, seed: w }),
          activation('tanh'),
          dense({ inputs: 64, outputs: 4, seed: w, name: 'head' }),
        ]);
      },
      batch: (random) => {
        const idx = Array.from({ length: 32 }, () => random.int(2048));
        const x = new Float64Array(32 * 16);
        const y = new Float64Array(32);
        idx.forEach((k, i) => {
          x.set(train.x.data.subarray(k * 16, (k + 1) * 16), i * 16);
          y[i] = train.y[k];
        });
        return { x: { rows: 32, cols: 16, data: x }, y };
      },
      test: teacherData(1024, teacher, a, b),
    },
    {
      name: 'transformer (1 block, d = 32), copy the previous token, batch 16',
      steps: quick ? 40 : 400,
      classes: 8,
      model: (seed) => {
        const w = rng(seed);
        return sequential([
          embedding({ vocab: 8, dim: 32, seed: w, name: 'embed' }),
          sinusoidalPositions(),
          transformerBlock({ dModel: 32, heads: 4, hidden: 64, causal: true, seed: w }),
          layerNorm({ features: 32 }),
          dense({ inputs: 32, outputs: 8, seed: w, name: 'head' }),
        ]);
      },
      batch: (random) => copyData(16, T, random),
      test: copyData(256, T, rng(8)),
    },
  ];
}

function accuracy(out: Matrix, y: Float64Array): number {
  let correct = 0;
  let counted = 0;
  for (let i = 0; i < out.rows; i++) {
    if (y[i] < 0) continue;
    counted++;
    let best = 0;
    for (let c = 1; c < out.cols; c++)
      if (out.data[i * out.cols + c] > out.data[i * out.cols + best]) best = c;
    if (best === y[i]) correct++;
  }
  return correct / counted;
}

const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sd = (v: number[]) =>
  Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / Math.max(1, v.length - 1));

export default defineExample({
  title: 'Adam, Muon and Muon with noise-adaptive layerwise rates',
  description:
    "Minibatch training of an MLP (teacher-labelled Gaussian inputs) and of a one-block causal transformer (copy the previous token, fresh random sequences every step) with Adam (lr 3e-3), Muon (lr 0.02, Nesterov 0.95, Newton–Schulz orthogonalized updates for hidden weight matrices; AdamW at 3e-3 for vectors, the embedding and the read-out) and Muon wrapped in @rg/optim's noiseAdaptive: each hidden matrix's step is scaled by φ = clamp(1 − 2ε̂/‖m̂‖_*, 0.05, 1), where m̂ is its averaged gradient and ε̂ the error of that average estimated from the gradient noise in the nuclear norm (the dual of Muon's spectral norm); 'grouped' divides the factors of all hidden matrices by their mean at each step (capped at 3), so the rate moves from noisy layers to clean ones instead of only shrinking. Same initializations and minibatches for all; held-out accuracy after the last step.",
  run(ctx) {
    const seeds = ctx.quick ? [1] : [1, 2, 3, 4, 5];
    const every = ctx.quick ? 10 : 20;
    const curves: { task: string; optimizer: string; step: number; loss: number }[] = [];
    const table: Row[] = [];
    const list = tasks(ctx.quick);
    const total = list.length * optimizers.length * seeds.length;
    let done = 0;
    for (const task of list) {
      for (const [label, make] of optimizers) {
        const finals: number[] = [];
        const accs: number[] = [];
        const sums = new Map<number, number[]>();
        for (const seed of seeds) {
          ctx.progress(done++ / total, `${task.name}: ${label}, seed ${seed}`);
          const model = task.model(seed);
          const opt = make();
          const data = rng(100 + seed);
          let smoothed = Number.NaN;
          for (let step = 0; step < task.steps; step++) {
            const b = task.batch(data);
            const out = model.forward(b.x, b.tokens ? { tokens: b.tokens } : undefined);
            const lg = lossAndGradient(out, b.y, 'softmaxCrossEntropy', { ignoreIndex: -1 });
            smoothed = Number.isNaN(smoothed) ? lg.value : 0.9 * smoothed + 0.1 * lg.value;
            if (step % every === 0 || step === task.steps - 1) {
              const at = sums.get(step) ?? [];
              at.push(smoothed);
              sums.set(step, at);
            }
            model.zeroGrad();
            model.backward(lg.gradient);
            opt.step(model.parameters());
          }
          const out = model.forward(
            task.test.x,
            task.test.tokens ? { tokens: task.test.tokens } : undefined,
          );
          finals.push(
            lossAndGradient(out, task.test.y, 'softmaxCrossEntropy', { ignoreIndex: -1 }).value,
          );
          accs.push(accuracy(out, task.test.y));
        }
        for (const [step, v] of sums)
          curves.push({ task: task.name, optimizer: label, step, loss: mean(v) });
        table.push({
          task: task.name,
          optimizer: label,
          seeds: seeds.length,
          'test loss (mean)': mean(finals),
          'test loss (sd)': sd(finals),
          'test accuracy (mean)': mean(accs),
          'test accuracy (sd)': sd(accs),
        });
      }
    }
    ctx.progress(1);
    const figures = list.map((task, i) => ({
      name: `layerwise-optimizers-${i === 0 ? 'mlp' : 'transformer'}`,
      title: `${task.name}: training loss (EMA 0.9 of the minibatch loss, mean over ${seeds.length} seeds)`,
      svg: plotToSVG({
        width: 640,
        height: 300,
        marginLeft: 50,
        x: { label: 'step' },
        y: { type: 'log', label: 'minibatch loss' },
        color: { legend: true },
        marks: [
          Plot.line(
            curves.filter((c) => c.task === task.name),
            { x: 'step', y: 'loss', stroke: 'optimizer' },
          ),
        ],
      }),
    }));
    const line = (t: string) =>
      table
        .filter((r) => r.task === t)
        .map(
          (r) =>
            `${r.optimizer} ${((r['test accuracy (mean)'] as number) * 100).toFixed(1)} ± ${((r['test accuracy (sd)'] as number) * 100).toFixed(1)}%`,
        )
        .join(', ');
    return {
      figures,
      table,
      summary: `Held-out accuracy, mean ± sd over ${seeds.length} seeds${ctx.quick ? ' (quick run: fewer seeds and steps)' : ''}. ${list[0].name}: ${line(list[0].name)}. ${list[1].name}: ${line(list[1].name)}. Ungrouped, the layerwise factors only shrink Muon's steps (φ ≤ 1): they help where a layer's minibatch gradient is dominated by noise and cost speed where it is not; grouped, they only redistribute the rate between the hidden matrices. The rates of Adam and Muon are common defaults, not tuned for these tasks.`,
    };
  },
});

// M-FAC (Frantar, Kurtic & Alistarh 2021): inverse empirical-Fisher products as an optimizer
// preconditioner and as optimal-brain-surgeon pruning scores.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { type Matrix, rng } from '@rg/linalg';
import { adam, mlp, mlpObjective, type Optimizer, sgd, train } from '@rg/nn';
import { mfacOptimizer, StaticMFAC } from '../src/index.js';

function blobs(k: number, d: number, perClass: number, seed: number): { X: Matrix; Y: Matrix } {
  const r = rng(seed);
  const centers = Array.from({ length: k }, () =>
    Array.from({ length: d }, () => 0.8 * r.normal()),
  );
  const n = k * perClass;
  const X = { rows: n, cols: d, data: new Float64Array(n * d) };
  const Y = { rows: n, cols: k, data: new Float64Array(n * k) };
  for (let i = 0; i < n; i++) {
    const c = i % k;
    for (let j = 0; j < d; j++) X.data[i * d + j] = centers[c][j] + r.normal();
    Y.data[i * k + c] = 1;
  }
  return { X, Y };
}

export default defineExample({
  title: 'M-FAC: Fisher-preconditioned SGD and OBS pruning',
  description:
    'A small MLP classifier trained with SGD (momentum), Adam and the M-FAC optimizer (sliding window of gradients); then OBS saliencies w²/(2[F⁻¹]_ii) from static M-FAC on per-sample gradients versus magnitude pruning at several sparsities.',
  run(ctx) {
    const k = 4;
    const d = 10;
    const { X, Y } = blobs(k, d, ctx.quick ? 30 : 80, 5);
    const net = mlp({ sizes: [d, 24, k], activation: 'tanh', seed: 6 });
    const f = mlpObjective(net, X, Y, { loss: 'softmaxCrossEntropy' });
    const epochs = ctx.quick ? 15 : 60;
    const runs: [string, () => Optimizer][] = [
      ['SGD (momentum 0.9)', () => sgd({ lr: 0.05, momentum: 0.9 })],
      ['Adam', () => adam({ lr: 0.01 })],
      ['M-FAC (m = 32)', () => mfacOptimizer({ lr: 0.01, momentum: 0.9, m: 32, damp: 1e-2 })],
    ];
    const curves: { optimizer: string; epoch: number; loss: number }[] = [];
    const table: Record<string, string | number>[] = [];
    let trained = net.params;
    runs.forEach(([name, make], i) => {
      ctx.progress(i / 4, name);
      const res = train(f, { optimizer: make(), epochs, batchSize: 16, seed: 1 });
      res.lossHistory.forEach((loss, epoch) => {
        curves.push({ optimizer: name, epoch, loss });
      });
      table.push({
        experiment: `train: ${name}`,
        loss: res.lossHistory[epochs],
        'magnitude-pruning loss': '',
        detail: `${res.steps} steps`,
      });
      if (name === 'Adam') trained = res.params;
    });

    ctx.progress(0.75, 'pruning');
    const G = f.perSampleGradients(trained);
    const fisher = new StaticMFAC(G, { damp: 1e-3 });
    const obs = fisher.pruningScores(trained);
    const base = f.value(trained);
    let prunes = 0;
    let obsWins = 0;
    for (const sparsity of ctx.quick ? [0.3, 0.6] : [0.1, 0.3, 0.5, 0.7]) {
      const count = Math.round(sparsity * f.dim);
      const prune = (score: (i: number) => number) => {
        const order = Array.from({ length: f.dim }, (_, i) => i).sort(
          (a, b) => score(a) - score(b),
        );
        const w = Float64Array.from(trained);
        for (const i of order.slice(0, count)) w[i] = 0;
        return f.value(w);
      };
      const byObs = prune((i) => obs[i]);
      const byMagnitude = prune((i) => Math.abs(trained[i]));
      prunes++;
      if (byObs < byMagnitude) obsWins++;
      table.push({
        experiment: `prune ${Math.round(sparsity * 100)}% by OBS score`,
        loss: byObs,
        'magnitude-pruning loss': byMagnitude,
        detail: `unpruned loss ${base.toPrecision(4)}`,
      });
    }
    ctx.progress(1);
    const svg = plotToSVG({
      width: 640,
      height: 320,
      marginLeft: 60,
      x: { label: 'epoch' },
      y: { type: 'log', label: 'training loss', tickFormat: '~g' },
      color: { legend: true },
      marks: [Plot.line(curves, { x: 'epoch', y: 'loss', stroke: 'optimizer' })],
    });
    return {
      figures: [{ name: 'mfac-training', title: 'Training loss: SGD, Adam, M-FAC', svg }],
      table,
      summary: `Final training losses after ${epochs} epochs: ${table
        .slice(0, 3)
        .map((row) => `${String(row.experiment).slice(7)} ${(row.loss as number).toExponential(2)}`)
        .join(
          ', ',
        )}. Pruning the Adam-trained ${f.dim}-parameter network by OBS saliencies from an M-FAC inverse Fisher of ${G.rows} per-sample gradients loses less than magnitude pruning at ${obsWins} of ${prunes} sparsities (no weight update after pruning).`,
    };
  },
});

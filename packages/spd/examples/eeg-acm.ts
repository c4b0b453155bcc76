// Augmented covariance matrices for EEG classification (Carrara & Papadopoulo 2024) on simulated
// trials whose classes differ only in temporal dynamics: plain covariances carry no class
// information, delay-embedded (augmented) covariances do.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import type { Matrix } from '@rg/linalg';
import {
  augmentedCovariance,
  covariance,
  gridSearchCV,
  MDM,
  type SPDClassifier,
  simulateEEG,
  stratifiedKFold,
  TangentSpaceClassifier,
} from '../src/index.js';

function cvAccuracy(
  make: () => SPDClassifier,
  covs: Matrix[],
  labels: number[],
  folds: number,
): number {
  let correct = 0;
  for (const { train, test } of stratifiedKFold(labels, folds, 1)) {
    const clf = make().fit(
      train.map((i) => covs[i]),
      train.map((i) => labels[i]),
    );
    const pred = clf.predict(test.map((i) => covs[i]));
    correct += pred.filter((p, j) => p === labels[test[j]]).length;
  }
  return correct / labels.length;
}

const meanSd = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
  return { m, sd, text: `${m.toFixed(3)} ± ${sd.toFixed(3)}` };
};

export default defineExample({
  title: 'EEG classification with augmented covariances (ACM)',
  description:
    'Simulated 2-class EEG (class-specific VAR dynamics, equal spatial covariance; the simulator is run without artifacts, which MDM class means are not robust to). Classes differ by a 5 % shift of the oscillator frequencies. Per seed the trials are split in halves: a calibration half picks (order, lag) by 5-fold grid search, and the accuracy is the 5-fold cross-validated accuracy on the other half.',
  run(ctx) {
    const seeds = ctx.quick ? [1, 2] : [1, 2, 3, 4, 5];
    const orders = ctx.quick ? [1, 3] : [1, 2, 3, 4, 5, 6];
    const lags = ctx.quick ? [2, 5] : [1, 2, 3, 4, 6, 8];
    const sim = ctx.quick
      ? { channels: 4, samples: 160, trials: 48 }
      : { channels: 6, samples: 256, trials: 120 };
    const folds = ctx.quick ? 3 : 5;
    // the full run uses a frequency separation of 5 % between classes so that the heatmap has
    // contrast; the small quick run needs 12 % (the simulator's default) to stay informative
    const separation = ctx.quick ? 0.12 : 0.05;
    const acc: Record<string, number[]> = {
      MDM: [],
      'TS + LR': [],
      'ACM + MDM': [],
      'ACM + TS + LR': [],
    };
    const chosen: string[] = [];
    let heat: { order: number; lag: number; accuracy: number }[] = [];
    seeds.forEach((seed, si) => {
      ctx.progress(si / seeds.length, `seed ${seed}`);
      const { trials, labels } = simulateEEG({
        ...sim,
        classes: 2,
        seed,
        artifactRate: 0,
        separation,
      });
      const half = trials.length / 2;
      const [calT, calY] = [trials.slice(0, half), labels.slice(0, half)];
      const [evT, evY] = [trials.slice(half), labels.slice(half)];
      const search = gridSearchCV(calT, calY, { orders, lags, folds, classifier: () => new MDM() });
      if (si === 0)
        heat = search.results.map((r) => ({ order: r.order, lag: r.lag, accuracy: r.mean }));
      const { order, lag } = search.best;
      chosen.push(`(${order}, ${lag})`);
      const plain = evT.map((x) => covariance(x, { estimator: 'lwf' }));
      const acm = evT.map((x) => augmentedCovariance(x, { order, lag, estimator: 'lwf' }));
      acc.MDM.push(cvAccuracy(() => new MDM(), plain, evY, folds));
      acc['TS + LR'].push(cvAccuracy(() => new TangentSpaceClassifier(), plain, evY, folds));
      acc['ACM + MDM'].push(cvAccuracy(() => new MDM(), acm, evY, folds));
      acc['ACM + TS + LR'].push(cvAccuracy(() => new TangentSpaceClassifier(), acm, evY, folds));
    });
    const table = Object.entries(acc).map(([pipeline, xs]) => ({
      pipeline,
      'accuracy (mean ± sd)': meanSd(xs).text,
      mean: meanSd(xs).m,
      seeds: xs.length,
      '(order, lag) per seed': pipeline.startsWith('ACM') ? chosen.join(' ') : '—',
    }));
    const heatSvg = plotToSVG({
      width: 560,
      height: 380,
      padding: 0.05,
      x: { label: 'lag τ (samples)', type: 'band' },
      y: { label: 'order p', type: 'band' },
      color: { scheme: 'viridis', domain: [0.4, 1] },
      marks: [
        Plot.cell(heat, { x: 'lag', y: 'order', fill: 'accuracy' }),
        Plot.text(heat, {
          x: 'lag',
          y: 'order',
          text: (d: { accuracy: number }) => d.accuracy.toFixed(2),
          fill: 'white',
        }),
      ],
    });
    // A continuous colour legend (a ramp from 0.4 to 1 on the same viridis scale), drawn
    // as its own small chart and stacked above the heatmap.
    const steps = 60;
    const ramp = Array.from({ length: steps }, (_, i) => ({
      x1: 0.4 + (0.6 * i) / steps,
      x2: 0.4 + (0.6 * (i + 1)) / steps,
      v: 0.4 + (0.6 * (i + 0.5)) / steps,
    }));
    const legendHeight = 74;
    const legendSvg = plotToSVG({
      width: 560,
      height: legendHeight,
      marginLeft: 40,
      marginRight: 40,
      marginTop: 18,
      marginBottom: 36,
      x: {
        domain: [0.4, 1],
        label: 'cross-validated accuracy (cell colour)',
        labelAnchor: 'center',
        labelArrow: 'none',
        labelOffset: 32,
        tickFormat: '.1f',
        ticks: 7,
      },
      y: { axis: null, domain: [0, 1] },
      color: { scheme: 'viridis', domain: [0.4, 1] },
      marks: [Plot.rect(ramp, { x1: 'x1', x2: 'x2', y1: 0, y2: 1, fill: 'v' })],
    });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="560" height="${380 + legendHeight}" viewBox="0 0 560 ${380 + legendHeight}">${legendSvg}${heatSvg.replace(/^<svg /, `<svg y="${legendHeight}" `)}</svg>`;
    const get = (k: string) => meanSd(acc[k]).text;
    return {
      figures: [
        {
          name: 'acm-grid-search',
          title:
            'ACM + MDM: cross-validated accuracy against embedding order and lag (seed 1, calibration half)',
          svg,
        },
      ],
      table,
      summary: `With plain covariances both MDM (${get('MDM')}) and tangent space + logistic regression (${get('TS + LR')}) stay near chance (0.5): the simulator gives every class the same spatial covariance. Augmented covariances with (order, lag) chosen by grid search on a calibration half lift MDM to ${get('ACM + MDM')} and tangent space + logistic regression to ${get('ACM + TS + LR')} (mean ± sd over ${seeds.length} seeds, evaluated on the held-out half). Order 1 is the plain covariance, so the first row of the heatmap sits at chance; accuracy grows with order and with lags that reach a sizeable fraction of the oscillation periods.`,
    };
  },
});

// @rg/spd: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

const m = (rows, cols, values) => ({ rows, cols, data: Float64Array.from(values) });
// multichannel signals: channels × samples (not square), enough samples for a regular estimate
const signal = (channels, samples) =>
  m(
    channels,
    samples,
    Array.from({ length: channels * samples }, (_, q) => Math.sin(0.7 * q + (q % 3))),
  );
const metric = () => 'affine-invariant';
const metricBad = [{ label: 'unknown-name', value: 'no-such-metric', must: true }];
const withMetric = (call) => ({ call, valid: { metric }, bad: { metric: metricBad } });
const eeg = (mod) => mod.simulateEEG({ channels: 3, samples: 96, trials: 12, seed: 2 });
// the Frobenius metric from its five formulas (defineMetric's example)
const frobeniusCore = () => ({
  squaredDistance: (a, b) => a.data.reduce((s, x, i) => s + (x - b.data[i]) ** 2, 0),
  inner: (_p, u, v) => u.data.reduce((s, x, i) => s + x * v.data[i], 0),
  exp: (p, v) => ({ ...p, data: p.data.map((x, i) => x + v.data[i]) }),
  log: (p, q) => ({ ...p, data: q.data.map((x, i) => x - p.data[i]) }),
  transport: (_p, _q, v) => v,
});
// X ↦ 2X (pullback's example)
const doubling = () => ({
  forward: (x) => ({ ...x, data: x.data.map((v) => 2 * v) }),
  inverse: (y) => ({ ...y, data: y.data.map((v) => v / 2) }),
  differential: (_x, v) => ({ ...v, data: v.data.map((e) => 2 * e) }),
  differentialInverse: (_x, w) => ({ ...w, data: w.data.map((e) => e / 2) }),
});
const spd3 = () => m(3, 3, [4, 1, 0, 1, 3, 1, 0, 1, 2]);
const net = (mod) => mod.createSPDNet({ sizes: [3, 2], classes: 2, seed: 1 });

export const descriptions = {
  simulateSkeletonActions:
    'skip: a simulation that runs for seconds with its default options; describe its options once it is settled',
  augmentedCovariance: {
    call: 'x:mat options:opts',
    valid: { x: () => signal(2, 12), options: () => ({ order: 2, lag: 1 }) },
  },
  covariance: { call: 'x:mat options?:opts', valid: { x: () => signal(3, 12) } },
  delayEmbed: {
    call: 'x:mat options:opts',
    valid: { x: () => signal(2, 12), options: () => ({ order: 2, lag: 1 }) },
  },
  frechetMean: withMetric('points:spds metric:any options?:opts'),
  frechetMeanParallel: withMetric('points:spds metric:any options?:opts'),
  geometricMedian: withMetric('points:spds metric:any options?:opts'),
  gridSearchCV: {
    call: 'trials:spds labels:vec options:opts',
    valid: {
      trials: (mod) => eeg(mod).trials,
      labels: (mod) => eeg(mod).labels,
      options: (mod) => ({ orders: [1], lags: [3], folds: 3, classifier: () => new mod.MDM() }),
    },
  },
  LogisticRegression: 'new options?:opts',
  MDM: 'new options?:opts',
  affineInvariant: 'value',
  buresWasserstein: 'value',
  defineMetric: {
    call: 'core:any options:opts',
    valid: { core: frobeniusCore, options: () => ({ name: 'frobenius' }) },
  },
  euclidean: 'value',
  frobeniusCore: 'value',
  generalizedBuresWasserstein: 'm:spd',
  logCholesky: 'value',
  logEuclidean: 'value',
  matrixPower: 'theta:num',
  powerDeformed: { call: 'metric:any theta:num', valid: { metric: (mod) => mod.buresWasserstein } },
  powerEuclidean: 'alpha:num',
  pullback: {
    call: 'base:any diffeo:any options?:opts',
    valid: { base: (mod) => mod.euclidean, diffeo: doubling },
  },
  // fn: the name of the calling function that errors should name
  resolveMetric: withMetric('fn:str metric:any options?:opts'),
  spdManifold: 'metric?:any',
  pairwiseDistances: withMetric('xs:spds ys?:spds metric:any options?:opts'),
  pairwiseDistancesParallel: withMetric('xs:spds ys?:spds metric:any options?:opts'),
  Potato: 'new options?:opts',
  RiemannianBatchNorm: {
    call: 'new options:opts',
    valid: { options: () => ({ n: 3, metric: 'log-euclidean' }) },
  },
  simulateSPDClassification: 'options?:opts',
  simulateEEG: 'options?:opts',
  BiMap: {
    call: 'new options:opts',
    valid: { options: () => ({ inputSize: 3, outputSize: 2, seed: 1 }) },
  },
  LogEig: 'new options?:opts',
  optimParameters: { call: 'params:any', valid: { params: (mod) => net(mod).parameters() } },
  parameterManifold: {
    call: 'name:str',
    valid: { name: () => 'spd' },
    bad: { name: [{ label: 'unknown-name', value: 'no-such-manifold', must: true }] },
  },
  riemannianAdam: { call: 'options:opts', valid: { options: () => ({ lr: 0.1 }) } },
  riemannianSGD: { call: 'options:opts', valid: { options: () => ({ lr: 0.1 }) } },
  ReEig: 'new options?:opts',
  SoftmaxHead: {
    call: 'new options:opts',
    valid: { options: () => ({ inputSize: 3, classes: 2, seed: 1 }) },
  },
  createSPDNet: {
    call: 'options:opts',
    valid: { options: () => ({ sizes: [3, 2], classes: 2, seed: 1 }) },
  },
  SPDNet: {
    call: 'new options:opts',
    valid: {
      options: (mod) => ({
        layers: [
          new mod.BiMap({ inputSize: 3, outputSize: 2, seed: 1 }),
          new mod.ReEig(),
          new mod.LogEig(),
        ],
        head: new mod.SoftmaxHead({ inputSize: 2, classes: 2, seed: 1 }),
      }),
    },
  },
  // trains `net` and steps `options.optimizer` in place (documented): not compared before and after
  trainSPDNet: {
    call: 'net:any options:opts',
    mutates: ['net', 'options'],
    valid: {
      net,
      options: (mod) => ({
        inputs: [spd3(), m(3, 3, [2, 0, 0, 0, 1, 0, 0, 0, 3])],
        labels: [0, 1],
        epochs: 2,
        optimizer: mod.riemannianSGD({ lr: 0.01 }),
      }),
    },
  },
  // any safe integer is a seed, negative ones included
  stratifiedKFold: {
    call: 'labels:vec k:int seed?:num',
    valid: { labels: () => [0, 0, 1, 1, 0, 1] },
    bad: { seed: [{ label: 'fraction', value: 1.5, must: true }] },
  },
  TangentSpace: 'new options?:opts',
  TangentSpaceClassifier: 'new options?:opts',
};

export const knownFailures = {};

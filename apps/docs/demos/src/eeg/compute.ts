// The numbers behind the EEG demo, shared by the page and the Node test: simulated two-class
// trials whose spatial covariances are equal in expectation (the classes differ only in their
// dynamics), classified by minimum distance to the class means (MDM) on plain covariances and
// on augmented (delay-embedded) covariances, trained on the first half, tested on the second.
import { toRows } from '@rg/linalg';
import { augmentedCovariance, covariance, MDM, type MetricName, simulateEEG } from '@rg/spd';

/** The settings the page exposes. */
export interface EegSettings {
  seed: number;
  /** delay-embedding order p of the augmented covariance */
  order: number;
  /** delay-embedding lag (samples) */
  lag: number;
  metric: MetricName;
}

/** One pipeline's test-half result. */
export interface EegPipeline {
  accuracy: number;
  /** distances of each test trial to the class-0 and class-1 means (MDM.transform rows) */
  distances: [number, number][];
  predictions: number[];
  /** size of the SPD matrices classified */
  size: number;
}

/** What the page draws: both pipelines and the true labels of the test half. */
export interface EegScene {
  labels: number[];
  plain: EegPipeline;
  augmented: EegPipeline;
}

/** The simulator's settings: 4 channels, 160 samples, 60 trials, no artifacts, 12 % separation (the default). */
export const SIMULATION = {
  channels: 4,
  samples: 160,
  trials: 60,
  classes: 2,
  artifactRate: 0,
  separation: 0.12,
} as const;

function pipeline(
  metric: MetricName,
  train: ReturnType<typeof covariance>[],
  trainLabels: number[],
  test: ReturnType<typeof covariance>[],
  testLabels: number[],
): EegPipeline {
  const mdm = new MDM({ metric }).fit(train, trainLabels);
  const predictions = mdm.predict(test);
  let hits = 0;
  for (let i = 0; i < test.length; i++) if (predictions[i] === testLabels[i]) hits++;
  return {
    accuracy: hits / test.length,
    distances: toRows(mdm.transform(test)) as [number, number][],
    predictions,
    size: train[0].rows,
  };
}

/** Simulate, estimate the covariances (Ledoit–Wolf), fit MDM on half and test on the rest. */
export function eegScene(s: EegSettings): EegScene {
  const { trials, labels } = simulateEEG({ ...SIMULATION, seed: s.seed });
  const half = trials.length / 2;
  const yTrain = labels.slice(0, half);
  const yTest = labels.slice(half);
  const plain = trials.map((x) => covariance(x, { estimator: 'lwf' }));
  const acm = trials.map((x) =>
    augmentedCovariance(x, { order: s.order, lag: s.lag, estimator: 'lwf' }),
  );
  return {
    labels: yTest,
    plain: pipeline(s.metric, plain.slice(0, half), yTrain, plain.slice(half), yTest),
    augmented: pipeline(s.metric, acm.slice(0, half), yTrain, acm.slice(half), yTest),
  };
}

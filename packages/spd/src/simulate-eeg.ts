// Synthetic EEG whose classes differ only in their temporal dynamics: independent AR(2)
// oscillators (Box, Jenkins & Reinsel, Time Series Analysis, §3.2.4) with class-specific peak
// frequencies and unit stationary variance, mixed by one common matrix, i.e. a VAR(2) sensor
// process with class-specific coefficients A·Φ_k·A⁻¹ and a class-independent spatial covariance.
import {
  InvalidArgumentError,
  type Matrix,
  rng,
  checkFiniteNumber,
  checkOptions,
  checkPositive,
  checkProbability,
  guardAllocation,
} from '@rg/linalg';

/** Options of {@link simulateEEG}. */
export interface SimulateEEGOptions {
  /** number of channels C (default 8) */
  channels?: number;
  /** samples per trial N (default 256) */
  samples?: number;
  /** number of trials (default 60) */
  trials?: number;
  /** number of classes K (default 2) */
  classes?: number;
  /** seed of the generator (default 0) */
  seed?: number;
  /** relative frequency separation between neighbouring classes (default 0.12) */
  separation?: number;
  /** standard deviation of the white sensor noise relative to the unit source variance (default 0.3) */
  noise?: number;
  /** fraction of trials carrying a large artifact (default 0.05) */
  artifactRate?: number;
}

/** Result of {@link simulateEEG}. */
export interface SimulatedEEG {
  /** trials, each channels × samples */
  trials: Matrix[];
  /** class of each trial, 0..K−1, balanced */
  labels: number[];
  /** indices of the trials that carry an artifact */
  artifacts: number[];
  /** the common mixing matrix (channels × channels) */
  mixing: Matrix;
}

/**
 * Simulate multichannel trials for classification benchmarks. Each of the C sources is an AR(2)
 * oscillator s_t = 2r·cos(ω)·s_{t−1} − r²·s_{t−2} + σ·e_t with pole radius r = 0.96, its
 * innovation scale σ set so that the stationary variance is exactly 1, and a peak frequency ω
 * that depends on the source and on the class (ω·(1 + separation·(k − (K−1)/2))). Per trial each
 * source gets a random log-normal gain drawn from the same law for every class, so the spatial
 * covariances of all classes are equal in expectation (covariance-only classifiers sit near
 * chance) while lagged covariances differ. Sources are mixed by one random matrix, white noise is
 * added, and a few trials receive a large blink-like artifact on two channels.
 *
 * @returns `{ trials, labels, artifacts, mixing }`
 * @throws {InvalidArgumentError} for non-positive sizes or fewer trials than classes
 * @example
 * const { trials, labels } = simulateEEG({ channels: 4, samples: 128, trials: 10, classes: 2, seed: 1 });
 * [trials.length, trials[0].rows, trials[0].cols] // => [10, 4, 128]
 * labels.filter((l) => l === 1).length // => 5
 */
export function simulateEEG(optionsIn: SimulateEEGOptions = {}): SimulatedEEG {
  const options: SimulateEEGOptions = checkOptions('simulateEEG', 'options', optionsIn);
  const c = options.channels ?? 8;
  const n = options.samples ?? 256;
  const count = options.trials ?? 60;
  const k = options.classes ?? 2;
  const separation = options.separation ?? 0.12;
  const noise = options.noise ?? 0.3;
  const artifactRate = options.artifactRate ?? 0.05;
  for (const [name, v] of [
    ['channels', c],
    ['samples', n],
    ['trials', count],
    ['classes', k],
  ] as const)
    if (!Number.isInteger(v) || v < 1)
      throw new InvalidArgumentError(
        `simulateEEG(): ${name} must be a positive integer (got ${v})`,
      );
  if (count < k)
    throw new InvalidArgumentError(`simulateEEG(): trials (${count}) must be ≥ classes (${k})`);
  // an infinite noise level filled every trial with NaN
  checkPositive('simulateEEG', 'noise', noise, true);
  checkProbability('simulateEEG', 'artifactRate', artifactRate);
  checkFiniteNumber('simulateEEG', 'separation', separation);
  guardAllocation('simulateEEG', count * c * n, 8, 'trials');
  const r = rng(options.seed ?? 0);
  const mixing = new Float64Array(c * c);
  for (let i = 0; i < c * c; i++) mixing[i] = r.normal();
  for (let i = 0; i < c; i++) mixing[i * c + i] += 2;
  // Peak frequencies spread over 0.04..0.2 cycles/sample (8–40 Hz at 200 Hz sampling).
  const base = Array.from({ length: c }, (_, j) => 2 * Math.PI * (0.04 + (0.16 * (j + 0.5)) / c));
  const radius = 0.96;
  const coef = Array.from({ length: k }, (_, cls) =>
    base.map((w) => {
      const om = w * (1 + separation * (cls - (k - 1) / 2));
      const a1 = 2 * radius * Math.cos(om);
      const a2 = -radius * radius;
      const sigma = Math.sqrt(((1 + a2) * ((1 - a2) ** 2 - a1 * a1)) / (1 - a2));
      return { a1, a2, sigma };
    }),
  );
  const labels = r.shuffle(Array.from({ length: count }, (_, i) => i % k));
  const trials: Matrix[] = [];
  const artifacts: number[] = [];
  const burn = 200;
  const s = new Float64Array(c * n);
  for (let t = 0; t < count; t++) {
    const cls = labels[t];
    for (let j = 0; j < c; j++) {
      const { a1, a2, sigma } = coef[cls][j];
      const gain = Math.exp(0.35 * r.normal());
      let y1 = 0;
      let y2 = 0;
      for (let i = -burn; i < n; i++) {
        const y = a1 * y1 + a2 * y2 + sigma * r.normal();
        y2 = y1;
        y1 = y;
        if (i >= 0) s[j * n + i] = gain * y;
      }
    }
    const x = new Float64Array(c * n);
    for (let i = 0; i < c; i++)
      for (let j = 0; j < c; j++) {
        const m = mixing[i * c + j];
        for (let u = 0; u < n; u++) x[i * n + u] += m * s[j * n + u];
      }
    for (let i = 0; i < c * n; i++) x[i] += noise * r.normal();
    if (r.uniform() < artifactRate) {
      artifacts.push(t);
      const at = r.int(n);
      const width = Math.max(4, Math.round(n / 16));
      const ch = r.int(c);
      for (const i of [ch, (ch + 1) % c])
        for (let u = 0; u < n; u++) x[i * n + u] += 100 * Math.exp(-0.5 * ((u - at) / width) ** 2);
    }
    trials.push({ rows: c, cols: n, data: x });
  }
  return { trials, labels, artifacts, mixing: { rows: c, cols: c, data: mixing } };
}

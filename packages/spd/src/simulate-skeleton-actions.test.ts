// simulateSkeletonActions: shapes and labels, a rigid kinematic chain (bone lengths constant in
// time and per performer), covariances of the returned trajectories, mirrored actions moving the
// mirrored side, condition numbers driven by the marker noise, and bad options.
import { cholesky, eigh, InvalidArgumentError, type Matrix } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { simulateSkeletonActions } from './index.js';

/** Joint j's position at frame t of a 93 × frames trajectory. */
function joint(x: Matrix, j: number, t: number): [number, number, number] {
  const f = x.cols;
  return [x.data[3 * j * f + t], x.data[(3 * j + 1) * f + t], x.data[(3 * j + 2) * f + t]];
}

const dist = (a: number[], b: number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

function logCondition(m: Matrix): number {
  const v = eigh(m, { vectors: false, method: 'jacobi' }).values;
  return Math.log10(v[v.length - 1] / v[0]);
}

/** Summed variance over time of the coordinates of joint j. */
function motion(x: Matrix, j: number): number {
  let s = 0;
  for (let a = 0; a < 3; a++) {
    const row = x.data.subarray((3 * j + a) * x.cols, (3 * j + a + 1) * x.cols);
    const m = row.reduce((u, v) => u + v, 0) / row.length;
    s += row.reduce((u, v) => u + (v - m) ** 2, 0) / row.length;
  }
  return s;
}

describe('simulateSkeletonActions', () => {
  it('returns one 93×93 SPD covariance per sequence, labels interleaved by class, 31 joints', () => {
    const d = simulateSkeletonActions({
      classes: 4,
      perClass: 3,
      performers: 2,
      frames: [100, 120],
      seed: 3,
    });
    expect(d.covariances.length).toBe(12);
    expect(d.labels).toEqual([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3]);
    expect(d.classNames).toEqual(['walk', 'run', 'jumpingJack', 'squat']);
    expect(d.joints.length).toBe(31);
    expect(d.parents[0]).toBe(-1);
    // parents come before their children, so forward kinematics runs in one pass
    for (let j = 1; j < d.parents.length; j++) expect(d.parents[j]).toBeLessThan(j);
    for (const p of d.performers) expect(p === 0 || p === 1).toBe(true);
    for (const c of d.covariances) {
      expect([c.rows, c.cols]).toEqual([93, 93]);
      expect(() => cholesky(c)).not.toThrow();
    }
    expect(d.trajectories).toBeUndefined();
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = simulateSkeletonActions({ classes: 2, perClass: 2, seed: 5 });
    const b = simulateSkeletonActions({ classes: 2, perClass: 2, seed: 5 });
    const c = simulateSkeletonActions({ classes: 2, perClass: 2, seed: 6 });
    expect(a.covariances[0].data).toEqual(b.covariances[0].data);
    expect(a.covariances[0].data).not.toEqual(c.covariances[0].data);
  });

  it('mirrored classes carry the same names with Left ↔ Right', () => {
    const names = simulateSkeletonActions({
      classes: 21,
      perClass: 1,
      frames: [100, 100],
    }).classNames;
    expect(new Set(names).size).toBe(21);
    for (const n of names.filter((x) => x.includes('Left')))
      expect(names).toContain(n.replace('Left', 'Right'));
  });

  it('moves a rigid chain: without noise every bone keeps its length over time, and a performer keeps theirs across sequences', () => {
    const d = simulateSkeletonActions({
      classes: 6,
      perClass: 2,
      performers: 2,
      noise: [0, 0],
      trajectories: true,
      seed: 11,
    });
    const bones = (x: Matrix, t: number) =>
      d.parents.map((p, j) => (p < 0 ? 0 : dist(joint(x, j, t), joint(x, p, t))));
    const byPerformer = new Map<number, number[]>();
    d.trajectories?.forEach((x, i) => {
      const first = bones(x, 0);
      // positions are sums of a few rotated offsets of ≤ 1 m: rounding ≈ 10 ε
      for (let t = 1; t < x.cols; t += 7) {
        const now = bones(x, t);
        for (let j = 1; j < 31; j++) expect(Math.abs(now[j] - first[j])).toBeLessThan(1e-14);
      }
      const seen = byPerformer.get(d.performers[i]);
      if (seen)
        for (let j = 1; j < 31; j++) expect(Math.abs(seen[j] - first[j])).toBeLessThan(1e-14);
      else byPerformer.set(d.performers[i], first);
    });
    expect(byPerformer.size).toBe(2);
  });

  it('each covariance is the sample covariance of its trajectory', () => {
    const d = simulateSkeletonActions({ classes: 2, perClass: 1, trajectories: true, seed: 2 });
    d.trajectories?.forEach((x, s) => {
      const f = x.cols;
      const mean = Array.from({ length: 93 }, (_, i) => {
        let m = 0;
        for (let t = 0; t < f; t++) m += x.data[i * f + t];
        return m / f;
      });
      for (const [i, j] of [
        [0, 0],
        [5, 40],
        [92, 17],
      ]) {
        let v = 0;
        for (let t = 0; t < f; t++)
          v += (x.data[i * f + t] - mean[i]) * (x.data[j * f + t] - mean[j]);
        v /= f;
        const c = d.covariances[s].data[i * 93 + j];
        // a sum of f products of centred coordinates: relative rounding ≈ f·ε
        expect(Math.abs(c - v)).toBeLessThan(f * Number.EPSILON * Math.abs(v) + 1e-18);
      }
    });
  });

  it('the left kick moves the left ankle more than the right one, and the right kick the reverse', () => {
    const d = simulateSkeletonActions({
      classes: 6,
      perClass: 3,
      trajectories: true,
      heading: 0,
      seed: 4,
    });
    const lankle = d.joints.indexOf('lankle');
    const rankle = d.joints.indexOf('rankle');
    const left = d.classNames.indexOf('kickLeftFront');
    const right = d.classNames.indexOf('kickRightFront');
    d.trajectories?.forEach((x, i) => {
      if (d.labels[i] === left) expect(motion(x, lankle)).toBeGreaterThan(5 * motion(x, rankle));
      if (d.labels[i] === right) expect(motion(x, rankle)).toBeGreaterThan(5 * motion(x, lankle));
    });
  });

  it('less marker noise gives larger condition numbers (the noise sets the smallest eigenvalues)', () => {
    const opts = { classes: 5, perClass: 2, seed: 8 };
    const noisy = simulateSkeletonActions({ ...opts, noise: [1e-3, 1e-3] });
    const clean = simulateSkeletonActions({ ...opts, noise: [1e-4, 1e-4] });
    noisy.covariances.forEach((c, i) => {
      const kn = logCondition(c);
      const kc = logCondition(clean.covariances[i]);
      // same motion, noise variance 100× smaller: λ_min falls about 100×, λ_max barely moves
      expect(kc - kn).toBeGreaterThan(1.5);
      expect(kn).toBeGreaterThan(4);
    });
  });

  it('throws InvalidArgumentError on bad options', () => {
    const bad: Parameters<typeof simulateSkeletonActions>[0][] = [
      { classes: 1 },
      { classes: 22 },
      { perClass: 0 },
      { performers: 1.5 },
      { frames: [200, 100] },
      { frames: [50, 60] },
      { noise: [-1e-3, 1e-3] },
      { speed: -1 },
      { heading: Number.NaN },
    ];
    for (const o of bad)
      expect(() => simulateSkeletonActions(o), JSON.stringify(o)).toThrow(InvalidArgumentError);
    expect(() => simulateSkeletonActions({ frames: [50, 60] })).toThrow(
      /simulateSkeletonActions\(\): frames\[0\] must be ≥ 94/,
    );
    // shorter sequences are fine with a shrinkage estimator
    const short = simulateSkeletonActions({
      classes: 2,
      perClass: 1,
      frames: [50, 60],
      estimator: 'lwf',
    });
    expect(short.covariances[0].rows).toBe(93);
  });
});

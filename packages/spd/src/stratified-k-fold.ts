// Stratified k-fold cross-validation splits (Kohavi 1995, "A study of cross-validation and
// bootstrap for accuracy estimation and model selection", IJCAI).
import { InvalidArgumentError, rng } from '@rg/linalg';
import { classesOf } from './internal/labels.js';

/** One split of {@link stratifiedKFold}: indices into the data. */
export interface Fold {
  train: number[];
  test: number[];
}

/**
 * Split indices 0..labels.length−1 into k folds that each hold about 1/k of every class:
 * each class's indices are shuffled (seeded) and dealt to the folds in turn, continuing where
 * the previous class stopped so fold sizes differ by at most one.
 *
 * @param labels - class of each sample
 * @param k - number of folds, 2 ≤ k ≤ samples of the smallest class
 * @param seed - shuffle seed (default 0)
 * @returns k `{ train, test }` splits, test sets disjoint and covering every index
 * @throws {InvalidArgumentError} when k is out of range
 * @example
 * stratifiedKFold([0, 0, 1, 1], 2).map((f) => f.test.length) // => [2, 2]
 */
export function stratifiedKFold(labels: readonly number[], k: number, seed = 0): Fold[] {
  const classes = classesOf('stratifiedKFold', labels, labels.length, 1);
  if (!Number.isInteger(k) || k < 2)
    throw new InvalidArgumentError(`stratifiedKFold(): k must be an integer ≥ 2 (got ${k})`);
  const r = rng(seed);
  const tests: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const c of classes) {
    const idx = labels.flatMap((l, i) => (l === c ? [i] : []));
    if (idx.length < k)
      throw new InvalidArgumentError(
        `stratifiedKFold(): class ${c} has ${idx.length} samples, fewer than k = ${k}`,
      );
    for (const i of r.shuffle(idx)) {
      tests[next].push(i);
      next = (next + 1) % k;
    }
  }
  return tests.map((test) => {
    const inTest = new Set(test);
    return {
      train: labels.flatMap((_, i) => (inTest.has(i) ? [] : [i])),
      test: [...test].sort((a, b) => a - b),
    };
  });
}

// Stratified k-fold cross-validation splits (Kohavi 1995, "A study of cross-validation and
// bootstrap for accuracy estimation and model selection", IJCAI).
import { checkInteger, InvalidArgumentError, rng, ShapeError } from '@rg/linalg';
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
  return stratifiedKFoldAs('stratifiedKFold', labels, k, seed);
}

/** {@link stratifiedKFold} with errors naming the public function `fn` that called it. */
export function stratifiedKFoldAs(
  fn: string,
  labels: readonly number[],
  k: number,
  seed = 0,
): Fold[] {
  if (!Array.isArray(labels))
    throw new ShapeError(`${fn}(): labels must be an array of class labels`);
  const classes = classesOf(fn, labels, labels.length, 1);
  checkInteger(fn, 'k', k, 2);
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed))
    throw new InvalidArgumentError(`${fn}(): seed must be a safe integer (got ${String(seed)})`);
  const r = rng(seed);
  const tests: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  for (const c of classes) {
    const idx = labels.flatMap((l, i) => (l === c ? [i] : []));
    if (idx.length < k)
      throw new InvalidArgumentError(
        `${fn}(): class ${c} has ${idx.length} samples, fewer than k = ${k}`,
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

// Label validation shared by the classifiers.
import { assertFiniteArray, InvalidArgumentError, ShapeError } from '@rg/linalg';

/** Sorted distinct labels after checking length and finiteness. */
export function classesOf(
  fn: string,
  labels: readonly number[],
  count: number,
  minClasses = 2,
): number[] {
  if (!Array.isArray(labels) || labels.length !== count)
    throw new ShapeError(
      `${fn}(): labels must have one entry per trial (${count}), got ${labels?.length}`,
    );
  assertFiniteArray(fn, 'labels', labels);
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  if (classes.length < minClasses)
    throw new InvalidArgumentError(
      `${fn}(): need at least ${minClasses} classes, got ${classes.length}`,
    );
  return classes;
}

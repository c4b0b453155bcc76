// Sort a digit string: a verifiable token task (sorting is a standard algorithmic probe of
// sequence models, e.g. Vinyals, Bengio & Kudlur 2016, "Order matters").
import { checkInteger, checkOptions } from '@rg/linalg';
import { agreement, defineTokenTask } from './internal/token-task-kit.js';
import { type DigitTaskOptions, digitPrompts } from './reverse-task.js';
import type { TokenTask } from './token-task.js';

/**
 * Sort a string of `length` digits in ascending order: the prompt `d₁d₂…d_k=`, the response
 * the sorted digits (one correct response per prompt). The partial reward is the fraction of
 * response positions that hold the right digit.
 *
 * @param options - length (4), trainSize, testSize, seed, reward ('exact' | 'partial')
 * @throws {InvalidArgumentError} on bad sizes, or more prompts asked for than there are
 * @example
 * const task = sortTask({ length: 4 });
 * task.decode(task.solution(task.encode('3141='))) // => '1134'
 * task.isCorrect(task.encode('3141='), task.encode('1143')) // => false
 */
export function sortTask(options: DigitTaskOptions = {}): TokenTask {
  const fn = 'sortTask';
  const o = checkOptions(fn, 'options', options);
  const k = checkInteger(fn, 'options.length', o.length ?? 4, 1);
  const answer = (p: ArrayLike<number>) =>
    Array.from({ length: k }, (_, j) => p[j]).sort((a, b) => a - b);
  return defineTokenTask(
    fn,
    {
      name: 'sort',
      ...digitPrompts(k),
      isCorrect: (p, r) => agreement(answer(p), r, k) === k,
      partial: (p, r) => agreement(answer(p), r, k) / k,
      solution: (p) => answer(p),
    },
    o,
  );
}

// Reverse a digit string: a verifiable token task (a standard algorithmic probe of sequence
// models, e.g. Graves et al. 2014, "Neural Turing machines").
import { checkInteger, checkOptions } from '@rg/linalg';
import { agreement, defineTokenTask } from './internal/token-task-kit.js';
import type { TokenTask, TokenTaskOptions } from './token-task.js';

/** Options of {@link reverseTask} and {@link sortTask}. */
export interface DigitTaskOptions extends TokenTaskOptions {
  /** number of digits (default 4) */
  length?: number;
}

const EQUALS = 11;

/** @internal digit-string prompts `d₁…d_k=` for reverse and sort */
export function digitPrompts(k: number) {
  return {
    promptLength: k + 1,
    responseLength: k,
    promptCount: 10 ** k,
    promptAt(i: number): number[] {
      const p = new Array<number>(k + 1);
      let x = i;
      for (let j = k - 1; j >= 0; j--) {
        p[j] = x % 10;
        x = Math.floor(x / 10);
      }
      p[k] = EQUALS;
      return p;
    },
    isPrompt(p: ArrayLike<number>): boolean {
      for (let j = 0; j < k; j++) if (p[j] > 9) return false;
      return p[k] === EQUALS;
    },
  };
}

/**
 * Reverse a string of `length` digits: the prompt `d₁d₂…d_k=`, the response `d_k…d₂d₁` (one
 * correct response per prompt). The partial reward is the fraction of response positions that
 * hold the right digit.
 *
 * @param options - length (4), trainSize, testSize, seed, reward ('exact' | 'partial')
 * @throws {InvalidArgumentError} on bad sizes, or more prompts asked for than there are
 * @example
 * const task = reverseTask({ length: 3, trainSize: 100, testSize: 50, reward: 'partial' });
 * [task.promptLength, task.responseLength, task.train.rows, task.test.rows] // => [4, 3, 100, 50]
 * task.reward(task.encode('120='), task.encode('021')) // => 1
 * task.reward(task.encode('120='), task.encode('012')) // => ~0.333
 */
export function reverseTask(options: DigitTaskOptions = {}): TokenTask {
  const fn = 'reverseTask';
  const o = checkOptions(fn, 'options', options);
  const k = checkInteger(fn, 'options.length', o.length ?? 4, 1);
  const base = digitPrompts(k);
  const answer = (p: ArrayLike<number>) => Array.from({ length: k }, (_, j) => p[k - 1 - j]);
  return defineTokenTask(
    fn,
    {
      name: 'reverse',
      ...base,
      isCorrect: (p, r) => agreement(answer(p), r, k) === k,
      partial: (p, r) => agreement(answer(p), r, k) / k,
      solution: (p) => answer(p),
    },
    o,
  );
}

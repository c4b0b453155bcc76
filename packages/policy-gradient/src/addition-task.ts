// Add two numbers digit by digit: a verifiable token task (the arithmetic probe of small
// transformers, e.g. Lee et al. 2024, "Teaching arithmetic to small transformers").
import { InvalidArgumentError, checkInteger, checkOptions } from '@rg/linalg';
import { agreement, defineTokenTask } from './internal/token-task-kit.js';
import type { TokenTask, TokenTaskOptions } from './token-task.js';

/** Options of {@link additionTask}. */
export interface AdditionTaskOptions extends TokenTaskOptions {
  /** digits of each operand (default 2) */
  digits?: number;
}

const PLUS = 10;
const EQUALS = 11;

/**
 * Add two `digits`-digit numbers (leading zeros written): the prompt `a+b=`, the response the
 * sum with `digits + 1` digits, most significant first, zero-padded (one correct response per
 * prompt). The partial reward is the fraction of response digits that are right.
 *
 * @param options - digits (2), trainSize, testSize, seed, reward ('exact' | 'partial')
 * @throws {InvalidArgumentError} on bad sizes, or more prompts asked for than there are
 * @example
 * const task = additionTask({ digits: 2 });
 * [task.promptLength, task.responseLength] // => [6, 3]
 * task.decode(task.solution(task.encode('47+85='))) // => '132'
 * task.decode(task.solution(task.encode('03+04='))) // => '007'
 */
export function additionTask(options: AdditionTaskOptions = {}): TokenTask {
  const fn = 'additionTask';
  const o = checkOptions(fn, 'options', options);
  const d = checkInteger(fn, 'options.digits', o.digits ?? 2, 1);
  // the prompt index a·10^d + b must stay an exact double
  if (d > 7) throw new InvalidArgumentError(`${fn}(): options.digits must be at most 7 (got ${d})`);
  const base = 10 ** d;
  const write = (x: number, width: number, out: number[], at: number) => {
    let v = x;
    for (let j = width - 1; j >= 0; j--) {
      out[at + j] = v % 10;
      v = Math.floor(v / 10);
    }
  };
  const read = (p: ArrayLike<number>, at: number) => {
    let v = 0;
    for (let j = 0; j < d; j++) v = 10 * v + p[at + j];
    return v;
  };
  const answer = (p: ArrayLike<number>) => {
    const out = new Array<number>(d + 1);
    write(read(p, 0) + read(p, d + 1), d + 1, out, 0);
    return out;
  };
  return defineTokenTask(
    fn,
    {
      name: 'addition',
      promptLength: 2 * d + 2,
      responseLength: d + 1,
      promptCount: base * base,
      promptAt(i) {
        const p = new Array<number>(2 * d + 2);
        write(Math.floor(i / base), d, p, 0);
        p[d] = PLUS;
        write(i % base, d, p, d + 1);
        p[2 * d + 1] = EQUALS;
        return p;
      },
      isPrompt(p) {
        for (let j = 0; j < d; j++) if (p[j] > 9 || p[d + 1 + j] > 9) return false;
        return p[d] === PLUS && p[2 * d + 1] === EQUALS;
      },
      isCorrect: (p, r) => agreement(answer(p), r, d + 1) === d + 1,
      partial: (p, r) => agreement(answer(p), r, d + 1) / (d + 1),
      solution: (p) => answer(p),
    },
    o,
  );
}

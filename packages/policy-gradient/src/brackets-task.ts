// Complete a prefix of two kinds of brackets into a balanced string (a Dyck language): a
// verifiable token task with many correct responses per prompt (Dyck languages as a probe of
// sequence models: Hewitt et al. 2020, "RNNs can generate bounded hierarchical languages").
import { InvalidArgumentError, type Rng, checkInteger, checkOptions } from '@rg/linalg';
import { defineTokenTask } from './internal/token-task-kit.js';
import type { TokenTask, TokenTaskOptions } from './token-task.js';

/** Options of {@link bracketsTask}. */
export interface BracketsTaskOptions extends TokenTaskOptions {
  /** length of the prompt, a valid prefix of a balanced string (default 8) */
  promptLength?: number;
  /** length of the completion (default 4) */
  responseLength?: number;
}

const OPEN_ROUND = 12;
const CLOSE_ROUND = 13;
const OPEN_SQUARE = 14;
const CLOSE_SQUARE = 15;
const BRACKETS = [OPEN_ROUND, CLOSE_ROUND, OPEN_SQUARE, CLOSE_SQUARE];
const closerOf = (open: number) => open + 1;
const isOpen = (t: number) => t === OPEN_ROUND || t === OPEN_SQUARE;

/**
 * Push the tokens of `s` (from `from`, `n` of them) onto `stack`; returns the number read before
 * the first that breaks validity (a non-bracket or a closer that does not match).
 */
function scan(s: ArrayLike<number>, from: number, n: number, stack: number[]): number {
  for (let i = 0; i < n; i++) {
    const t = s[from + i];
    if (isOpen(t)) stack.push(t);
    else if (
      (t === CLOSE_ROUND || t === CLOSE_SQUARE) &&
      stack.length > 0 &&
      closerOf(stack[stack.length - 1]) === t
    )
      stack.pop();
    else return i;
  }
  return n;
}

/** every completion of length `left` that closes `stack` (in token order, not modifying stack) */
function completions(stack: number[], left: number, out: number[][], prefix: number[]): void {
  if (left === 0) {
    if (stack.length === 0) out.push(prefix.slice());
    return;
  }
  for (const t of BRACKETS) {
    if (isOpen(t)) {
      // an opener needs room to be closed, and to close what is open
      if (stack.length + 1 > left - 1) continue;
      stack.push(t);
      prefix.push(t);
      completions(stack, left - 1, out, prefix);
      prefix.pop();
      stack.pop();
    } else if (stack.length > 0 && closerOf(stack[stack.length - 1]) === t) {
      const top = stack.pop() as number;
      prefix.push(t);
      completions(stack, left - 1, out, prefix);
      prefix.pop();
      stack.push(top);
    }
  }
}

/**
 * Complete a prefix of round and square brackets into a balanced string: the prompt is a valid
 * prefix of `promptLength` brackets whose open depth d allows a completion (d ≤ responseLength,
 * responseLength − d even), the response any `responseLength` brackets that make the whole
 * string balanced — several responses are correct whenever d < responseLength (e.g. `((` with
 * 4 tokens: `))()`, `)())`, `()))`, `[]))`, …). The partial reward is the fraction of the response
 * read before the string stops being completable (a wrong closer, or too little room left).
 *
 * @param options - promptLength (8), responseLength (4), trainSize, testSize, seed, reward
 * @throws {InvalidArgumentError} on bad sizes (promptLength and responseLength at most 10), or
 *   more prompts asked for than there are
 * @example
 * const task = bracketsTask({ promptLength: 4, responseLength: 4, trainSize: 30, testSize: 18 });
 * const prompt = task.encode('([](');
 * task.isCorrect(prompt, task.encode('))()')) // => true
 * task.isCorrect(prompt, task.encode(')[])')) // => true
 * task.isCorrect(prompt, task.encode('])()')) // => false
 * task.decode(task.solution(prompt)) // => '()))'
 */
export function bracketsTask(options: BracketsTaskOptions = {}): TokenTask {
  const fn = 'bracketsTask';
  const o = checkOptions(fn, 'options', options);
  const P = checkInteger(fn, 'options.promptLength', o.promptLength ?? 8, 1);
  const R = checkInteger(fn, 'options.responseLength', o.responseLength ?? 4, 1);
  // the prompts are enumerated (about 10⁵ of them at length 10) and so are the completions
  if (P > 10 || R > 10)
    throw new InvalidArgumentError(
      `${fn}(): options.promptLength and options.responseLength must be at most 10 (got ${P}, ${R})`,
    );
  // every valid prefix of length P with a completion of length R, in token order
  const prompts: number[][] = [];
  const walk = (prefix: number[], stack: number[]) => {
    if (prefix.length === P) {
      if (stack.length <= R && (R - stack.length) % 2 === 0) prompts.push(prefix.slice());
      return;
    }
    for (const t of BRACKETS) {
      if (isOpen(t)) {
        stack.push(t);
        prefix.push(t);
        walk(prefix, stack);
        prefix.pop();
        stack.pop();
      } else if (stack.length > 0 && closerOf(stack[stack.length - 1]) === t) {
        const top = stack.pop() as number;
        prefix.push(t);
        walk(prefix, stack);
        prefix.pop();
        stack.push(top);
      }
    }
  };
  walk([], []);
  const stackOf = (p: ArrayLike<number>) => {
    const stack: number[] = [];
    return scan(p, 0, P, stack) === P ? stack : null;
  };
  /** response tokens read while the string stays completable within the length */
  const completable = (p: ArrayLike<number>, r: ArrayLike<number>) => {
    const stack = stackOf(p) as number[];
    for (let i = 0; i < R; i++) {
      if (scan(r, i, 1, stack) === 0) return i;
      const left = R - i - 1;
      if (stack.length > left) return i;
    }
    // depth ≤ room at every step and the parity of room − depth never changes: the end is 0
    return R;
  };
  return defineTokenTask(
    fn,
    {
      name: 'brackets',
      promptLength: P,
      responseLength: R,
      promptCount: prompts.length,
      promptAt: (i) => prompts[i],
      isPrompt(p) {
        const stack = stackOf(p);
        return stack !== null && stack.length <= R && (R - stack.length) % 2 === 0;
      },
      isCorrect: (p, r) => completable(p, r) === R,
      partial: (p, r) => completable(p, r) / R,
      solution(p, rng: Rng | null) {
        const all: number[][] = [];
        completions(stackOf(p) as number[], R, all, []);
        return all[rng ? rng.int(all.length) : 0];
      },
    },
    o,
  );
}

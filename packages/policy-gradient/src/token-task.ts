// Verifiable token tasks: prompts, a verifier and its rewards, over one small shared vocabulary
// (the setting of RL with verifiable rewards, Lambert et al. 2024, "Tülu 3"; Shao et al. 2024,
// "DeepSeekMath").
import type { Matrix, Rng } from '@rg/linalg';

/**
 * The 16 tokens every task here writes with; a token id is the index of its string:
 * the digits `0`–`9` (ids 0–9), `+` (10), `=` (11), `(` (12), `)` (13), `[` (14), `]` (15).
 *
 * @example
 * tokenVocabulary.length // => 16
 * tokenVocabulary.indexOf('=') // => 11
 */
export const tokenVocabulary: readonly string[] = Object.freeze([
  '0',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '+',
  '=',
  '(',
  ')',
  '[',
  ']',
]);

/** Options every token task accepts. */
export interface TokenTaskOptions {
  /** number of training prompts (default 512, or what the task has when fewer) */
  trainSize?: number;
  /** number of held-out test prompts, disjoint from the training ones (default 256) */
  testSize?: number;
  /** seed of the prompt draw (default 0) */
  seed?: number;
  /**
   * 'exact' (default): reward 1 for a correct response, 0 otherwise; 'partial': a graded reward
   * in [0, 1] that is 1 exactly for correct responses (what each task grades is in its docs)
   */
  reward?: 'exact' | 'partial';
}

/**
 * A verifiable token task: fixed-length prompts of token ids, fixed-length responses, and a
 * verifier. A sequence is a prompt followed by a response (`promptLength + responseLength`
 * ids). The prompts are split into disjoint training and held-out test sets (rows of `train`
 * and `test`). `reward` is what RL maximizes, `isCorrect` what pass@k counts, `solution` what a
 * supervised warm start imitates.
 *
 * @example
 * const task: TokenTask = reverseTask({ length: 3 });
 * const prompt = task.encode('123=');
 * task.decode(task.solution(prompt)) // => '321'
 * task.reward(prompt, task.encode('321')) // => 1
 */
export interface TokenTask {
  /** 'reverse', 'sort', 'addition', 'brackets' */
  readonly name: string;
  /** the token strings, id = index ({@link tokenVocabulary}) */
  readonly vocabulary: readonly string[];
  readonly promptLength: number;
  readonly responseLength: number;
  /** how `reward` grades: 'exact' or 'partial' */
  readonly rewardKind: 'exact' | 'partial';
  /** training prompts, one per row (ids as numbers) */
  readonly train: Matrix;
  /** held-out test prompts, one per row, none of them among the training prompts */
  readonly test: Matrix;
  /** the reward of `response` to `prompt`, in [0, 1]; 1 exactly when it is correct */
  reward(prompt: ArrayLike<number>, response: ArrayLike<number>): number;
  /** the verifier: is `response` a correct answer to `prompt`? */
  isCorrect(prompt: ArrayLike<number>, response: ArrayLike<number>): boolean;
  /**
   * a correct response; for tasks with several correct responses, one drawn uniformly with
   * `rng` (the first in the task's order without it)
   */
  solution(prompt: ArrayLike<number>, rng?: Rng): Float64Array;
  /** token ids of a string of vocabulary characters */
  encode(text: string): Float64Array;
  /** the string of token ids */
  decode(ids: ArrayLike<number>): string;
}

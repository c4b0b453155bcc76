// The machinery behind the token tasks: prompt sets drawn without repetition and split into
// disjoint train/test sets, the validated public methods, and the unchecked verifier the
// training loops call.
import {
  InvalidArgumentError,
  type Matrix,
  type Rng,
  rng as makeRng,
  ShapeError,
  checkInteger,
  checkOptions,
  checkSeed,
} from '@rg/linalg';
import { type TokenTask, type TokenTaskOptions, tokenVocabulary } from '../token-task.js';

/** What a task builder supplies: sizes, the prompt enumeration and the verifier (all unchecked). */
export interface TaskSpec {
  name: string;
  promptLength: number;
  responseLength: number;
  /** number of distinct prompts */
  promptCount: number;
  /** prompt number i ∈ [0, promptCount) (a bijection onto the task's prompts) */
  promptAt(i: number): number[];
  /** is this a prompt of the task? */
  isPrompt(prompt: ArrayLike<number>): boolean;
  isCorrect(prompt: ArrayLike<number>, response: ArrayLike<number>): boolean;
  /** graded reward in [0, 1], 1 exactly for correct responses */
  partial(prompt: ArrayLike<number>, response: ArrayLike<number>): number;
  solution(prompt: ArrayLike<number>, rng: Rng | null): number[];
}

/** The unchecked verifier of a task, for inner loops. */
export interface TaskKernels {
  reward(prompt: ArrayLike<number>, response: ArrayLike<number>): number;
  isCorrect(prompt: ArrayLike<number>, response: ArrayLike<number>): boolean;
  solution(prompt: ArrayLike<number>, rng: Rng | null): ArrayLike<number>;
}

const KERNELS = new WeakMap<TokenTask, TaskKernels>();

/** The unchecked verifier of a task built here, or the task's own methods otherwise. */
export function taskKernels(task: TokenTask): TaskKernels {
  return (
    KERNELS.get(task) ?? {
      reward: (p, r) => task.reward(p, r),
      isCorrect: (p, r) => task.isCorrect(p, r),
      solution: (p, g) => task.solution(p, g ?? undefined),
    }
  );
}

/** `count` distinct indices in [0, n), in random order */
function distinctIndices(n: number, count: number, r: Rng): number[] {
  if (2 * count > n) {
    const all = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = r.int(i + 1);
      const t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    return all.slice(0, count);
  }
  const seen = new Set<number>();
  const out: number[] = [];
  while (out.length < count) {
    const i = r.int(n);
    if (!seen.has(i)) {
      seen.add(i);
      out.push(i);
    }
  }
  return out;
}

function promptMatrix(spec: TaskSpec, indices: number[]): Matrix {
  const P = spec.promptLength;
  const data = new Float64Array(indices.length * P);
  indices.forEach((idx, row) => {
    data.set(spec.promptAt(idx), row * P);
  });
  return { rows: indices.length, cols: P, data };
}

/** token ids of a string of vocabulary characters (every token is one character) */
export function encodeTokens(fn: string, text: string): Float64Array {
  if (typeof text !== 'string') throw new InvalidArgumentError(`${fn}(): text must be a string`);
  const out = new Float64Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const id = tokenVocabulary.indexOf(text[i]);
    if (id < 0)
      throw new InvalidArgumentError(
        `${fn}(): text has '${text[i]}' at ${i}, which is not a token (${tokenVocabulary.join(' ')})`,
      );
    out[i] = id;
  }
  return out;
}

/** the string of token ids (unchecked ids print as '?') */
export function decodeTokens(ids: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < ids.length; i++) s += tokenVocabulary[ids[i]] ?? '?';
  return s;
}

/** token ids of the given length: integers in [0, 16) */
export function tokensOf(fn: string, name: string, v: unknown, length: number): ArrayLike<number> {
  const a = v as ArrayLike<number>;
  if (a === null || typeof a !== 'object' || typeof a.length !== 'number')
    throw new ShapeError(`${fn}(): ${name} must be an array of ${length} token ids`);
  if (a.length !== length)
    throw new ShapeError(`${fn}(): ${name} has length ${a.length}, expected ${length}`);
  for (let i = 0; i < length; i++)
    if (!Number.isInteger(a[i]) || a[i] < 0 || a[i] >= tokenVocabulary.length)
      throw new InvalidArgumentError(
        `${fn}(): ${name}[${i}] must be a token id in [0, ${tokenVocabulary.length}) (got ${a[i]})`,
      );
  return a;
}

/**
 * The public task: the prompt sets (trainSize + testSize distinct prompts drawn with `seed`,
 * the first trainSize for training), validated methods, and its kernels registered for the
 * training loops.
 */
export function defineTokenTask(fn: string, spec: TaskSpec, options: TokenTaskOptions): TokenTask {
  const o = checkOptions(fn, 'options', options);
  const available = spec.promptCount;
  const testSize = checkInteger(
    fn,
    'options.testSize',
    o.testSize ?? Math.min(256, Math.floor(available / 3)),
    1,
  );
  const trainSize = checkInteger(
    fn,
    'options.trainSize',
    o.trainSize ?? Math.min(512, available - testSize),
    1,
  );
  if (trainSize + testSize > available)
    throw new InvalidArgumentError(
      `${fn}(): options.trainSize + options.testSize must be at most ${available}, the number of distinct prompts (got ${trainSize} + ${testSize})`,
    );
  const kind = o.reward ?? 'exact';
  if (kind !== 'exact' && kind !== 'partial')
    throw new InvalidArgumentError(
      `${fn}(): options.reward must be 'exact' or 'partial' (got ${String(kind)})`,
    );
  const r = makeRng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  const idx = distinctIndices(available, trainSize + testSize, r);
  const train = promptMatrix(spec, idx.slice(0, trainSize));
  const test = promptMatrix(spec, idx.slice(trainSize));
  const kernels: TaskKernels = {
    reward:
      kind === 'exact' ? (p, a) => (spec.isCorrect(p, a) ? 1 : 0) : (p, a) => spec.partial(p, a),
    isCorrect: (p, a) => spec.isCorrect(p, a),
    solution: (p, g) => spec.solution(p, g),
  };
  const P = spec.promptLength;
  const R = spec.responseLength;
  const promptOf = (method: string, p: unknown) => {
    const m = `${spec.name}Task.${method}`;
    const a = tokensOf(m, 'prompt', p, P);
    if (!spec.isPrompt(a))
      throw new InvalidArgumentError(
        `${m}(): prompt '${decodeTokens(a)}' is not a ${spec.name} prompt`,
      );
    return a;
  };
  const responseOf = (method: string, v: unknown) =>
    tokensOf(`${spec.name}Task.${method}`, 'response', v, R);
  const task: TokenTask = {
    name: spec.name,
    vocabulary: tokenVocabulary,
    promptLength: P,
    responseLength: R,
    rewardKind: kind,
    train,
    test,
    reward: (p, a) => kernels.reward(promptOf('reward', p), responseOf('reward', a)),
    isCorrect: (p, a) => spec.isCorrect(promptOf('isCorrect', p), responseOf('isCorrect', a)),
    solution: (p, g) => {
      const prompt = promptOf('solution', p);
      if (g !== undefined && (g === null || typeof g.uniform !== 'function'))
        throw new InvalidArgumentError(
          `${spec.name}Task.solution(): rng must be a generator from rng(seed)`,
        );
      return Float64Array.from(spec.solution(prompt, g ?? null));
    },
    encode: (text) => encodeTokens(`${spec.name}Task.encode`, text),
    decode: (ids) =>
      decodeTokens(tokensOf(`${spec.name}Task.decode`, 'ids', ids, ids?.length ?? 0)),
  };
  KERNELS.set(task, kernels);
  return task;
}

/** the number of positions where a and b agree, over the first n */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>, n: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) k++;
  return k;
}

/** validated task shape for the sequence algorithms and metrics */
export function checkTask(fn: string, task: TokenTask): void {
  if (
    !task ||
    typeof task !== 'object' ||
    typeof task.reward !== 'function' ||
    typeof task.isCorrect !== 'function' ||
    !Number.isInteger(task.promptLength) ||
    task.promptLength < 1 ||
    !Number.isInteger(task.responseLength) ||
    task.responseLength < 1 ||
    !task.train ||
    !task.test
  )
    throw new InvalidArgumentError(
      `${fn}(): task must be a token task (reverseTask(), sortTask(), additionTask(), bracketsTask(), or a TokenTask)`,
    );
  for (const split of ['train', 'test'] as const) {
    const m = task[split];
    if (
      !(m.data instanceof Float64Array) ||
      m.cols !== task.promptLength ||
      m.rows < 1 ||
      m.data.length !== m.rows * m.cols
    )
      throw new ShapeError(
        `${fn}(): task.${split} must be a Matrix of prompts with ${task.promptLength} columns and at least one row`,
      );
  }
}

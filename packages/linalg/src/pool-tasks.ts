// The work a pool worker does, and the same code on the calling thread when there is no pool:
// one function, so a result computed by a worker is the one the caller would have computed.
// Tasks carry views on the caller's memory (SharedArrayBuffer) or copies of it; outputs are
// written into the views they carry. Errors are turned into plain records that survive
// postMessage and are revived as the same typed errors on the calling side.
import { eigh } from './eigh.js';
import {
  AbortError,
  AllocationLimitError,
  ConvergenceError,
  InvalidArgumentError,
  NonFiniteError,
  NotPositiveDefiniteError,
  NotSymmetricError,
  RgError,
  ShapeError,
  SingularMatrixError,
} from './errors.js';
import { expmSym } from './expm-sym.js';
import { invSqrtmSym } from './inv-sqrtm-sym.js';
import { type KernelBackend, setKernelMode } from './kernels/backend.js';
import { gemm } from './kernels/gemm.js';
import { logmSym } from './logm-sym.js';
import type { Matrix } from './matrix.js';
import { powmSym } from './powm-sym.js';
import { sqrtmSym } from './sqrtm-sym.js';

/** The symmetric matrix functions a batch can apply. @internal */
export type SymmetricFunctionName = 'log' | 'sqrt' | 'invSqrt' | 'exp' | 'power';

/** Rows [row0, row0 + rows) of C = A·B; `a` and `c` hold those rows only. @internal */
export interface GemmTask {
  kind: 'gemm';
  m: number;
  n: number;
  k: number;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

/** Symmetric eigendecompositions or matrix functions of `sizes.length` square matrices stored one after the other. @internal */
export interface BatchTask {
  kind: 'eigh' | 'symfun';
  /** public name of the caller, for error messages */
  fn: string;
  /** index of the first matrix in the caller's list, for error messages */
  first: number;
  sizes: number[];
  input: Float64Array;
  /** eigenvalues (eigh) */
  values: Float64Array;
  /** eigenvectors (eigh with vectors) or f(A) (symfun) */
  output: Float64Array;
  vectors: boolean;
  refine: boolean | 'auto';
  method: 'auto' | 'jacobi' | 'ql' | 'dc';
  symmetryTolerance?: number;
  f: SymmetricFunctionName;
  power: number;
}

/** A call of an exported function of a module that the worker imports (once). @internal */
export interface CallTask {
  kind: 'call';
  /** absolute URL of the module (file: in Node, same-origin http(s): in browsers) */
  module: string;
  /** the export to call */
  name: string;
  /** its arguments, copied by postMessage (SharedArrayBuffer views are shared) */
  args: unknown[];
}

/** One unit of pool work. @internal */
export type PoolTask = (GemmTask | BatchTask | CallTask) & { backend: KernelBackend | 'auto' };

/** Outcome of a task: `ok` false only for a non-finite gemm operand (no exception); `value` is a call's return value. @internal */
export interface TaskResult {
  ok: boolean;
  value?: unknown;
}

/** A typed error as a plain record that postMessage can copy. @internal */
export interface ErrorRecord {
  name: string;
  code: string;
  message: string;
  details: Record<string, number>;
}

/** Run one task in this thread; outputs go into the task's views. @internal */
export function runTask(task: Exclude<PoolTask, CallTask>): TaskResult {
  const previous = setKernelMode(task.backend);
  try {
    if (task.kind === 'gemm') {
      return { ok: gemm(task.m, task.n, task.k, task.a, task.b, task.c) };
    }
    runBatch(task);
    return { ok: true };
  } finally {
    setKernelMode(previous);
  }
}

const modules = new Map<string, Promise<Record<string, unknown>>>();

/** Run a call task: import its module (once per thread) and await the export's result. @internal */
export async function runCall(
  task: CallTask & { backend: KernelBackend | 'auto' },
): Promise<unknown> {
  let mod = modules.get(task.module);
  if (mod === undefined) {
    mod = importModule(task.module);
    modules.set(task.module, mod);
  }
  const f = (await mod)[task.name];
  if (typeof f !== 'function')
    throw new InvalidArgumentError(
      `pool.call(): ${task.module} has no exported function ${task.name}`,
    );
  const previous = setKernelMode(task.backend);
  try {
    return await (f as (...args: unknown[]) => unknown)(...task.args);
  } finally {
    setKernelMode(previous);
  }
}

let typescriptLoader: Promise<void> | undefined;

/**
 * Import a module for a call. A TypeScript module (a package's tests and benches run from
 * source) that Node refuses is retried once through tsx's loader, where tsx is installed.
 */
async function importModule(url: string): Promise<Record<string, unknown>> {
  try {
    return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (e) {
    if ((e as { code?: string }).code !== 'ERR_UNKNOWN_FILE_EXTENSION' || !/\.m?ts$/.test(url))
      throw e;
    // A variable specifier, so that bundlers do not try to resolve a development tool.
    const loader = 'tsx/esm/api';
    typescriptLoader ??= import(/* @vite-ignore */ loader).then((m: { register(): void }) =>
      m.register(),
    );
    await typescriptLoader;
    // Node remembers the failed import of `url`: load it under a new URL.
    const again = `${url}${url.includes('?') ? '&' : '?'}loader=tsx`;
    return (await import(/* @vite-ignore */ again)) as Record<string, unknown>;
  }
}

function runBatch(task: BatchTask): void {
  let inOff = 0;
  let valOff = 0;
  for (let i = 0; i < task.sizes.length; i++) {
    const n = task.sizes[i];
    const a: Matrix = { rows: n, cols: n, data: task.input.subarray(inOff, inOff + n * n) };
    try {
      if (task.kind === 'eigh') {
        const r = eigh(a, {
          vectors: task.vectors,
          refine: task.refine,
          method: task.method,
          symmetryTolerance: task.symmetryTolerance,
        });
        task.values.set(r.values, valOff);
        if (task.vectors) task.output.set(r.vectors.data, inOff);
      } else {
        task.output.set(applyNamed(task, a).data, inOff);
      }
    } catch (e) {
      throw prefixed(e, `${task.fn}(): matrices[${task.first + i}]: `);
    }
    inOff += n * n;
    valOff += n;
  }
}

function applyNamed(task: BatchTask, a: Matrix): Matrix {
  const options = { refine: task.refine };
  switch (task.f) {
    case 'log':
      return logmSym(a, options);
    case 'sqrt':
      return sqrtmSym(a, options);
    case 'invSqrt':
      return invSqrtmSym(a, options);
    case 'exp':
      return expmSym(a, options);
    case 'power':
      return powmSym(a, task.power, options);
  }
}

/** The same error with `prefix` in front of its message (typed errors keep their class). */
function prefixed(e: unknown, prefix: string): unknown {
  if (e instanceof Error) {
    try {
      e.message = prefix + e.message;
    } catch {
      // a frozen message stays as it is
    }
  }
  return e;
}

/** A thrown value as a record for postMessage. @internal */
export function errorRecord(e: unknown): ErrorRecord {
  const details: Record<string, number> = {};
  if (e instanceof RgError) {
    for (const key of [
      'asymmetry',
      'pivot',
      'minEigenvalue',
      'index',
      'iterations',
      'residual',
      'requestedBytes',
      'limitBytes',
    ] as const) {
      const v = (e as unknown as Record<string, unknown>)[key];
      if (typeof v === 'number') details[key] = v;
    }
    return { name: e.name, code: e.code, message: e.message, details };
  }
  if (e instanceof Error) return { name: e.name, code: '', message: e.message, details };
  return { name: 'Error', code: '', message: String(e), details };
}

/** The typed error a record stands for (an RgError subclass where it was one). @internal */
export function reviveError(r: ErrorRecord): Error {
  const d = r.details;
  switch (r.name) {
    case 'ShapeError':
      return new ShapeError(r.message);
    case 'NotSymmetricError':
      return new NotSymmetricError(r.message, d.asymmetry ?? Number.NaN);
    case 'NotPositiveDefiniteError':
      return new NotPositiveDefiniteError(r.message, {
        pivot: d.pivot,
        minEigenvalue: d.minEigenvalue,
      });
    case 'NonFiniteError':
      return new NonFiniteError(r.message, d.index ?? -1);
    case 'ConvergenceError':
      return new ConvergenceError(r.message, {
        iterations: d.iterations ?? -1,
        residual: d.residual ?? Number.NaN,
      });
    case 'SingularMatrixError':
      return new SingularMatrixError(r.message, d.pivot ?? -1);
    case 'InvalidArgumentError':
      return new InvalidArgumentError(r.message);
    case 'AbortError':
      return new AbortError(r.message);
    case 'AllocationLimitError':
      return new AllocationLimitError(r.message, {
        requestedBytes: d.requestedBytes ?? Number.NaN,
        limitBytes: d.limitBytes ?? Number.NaN,
      });
    default: {
      const e = new Error(r.message);
      e.name = r.name;
      return e;
    }
  }
}

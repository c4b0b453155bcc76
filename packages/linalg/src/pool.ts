// A pool of worker threads for large and batched work: worker_threads in Node, module Web
// Workers in browsers. Matrices live in SharedArrayBuffer memory that every worker sees, so a
// task carries views, not copies; where shared memory is unavailable (a browser page that is not
// cross-origin isolated) tasks carry copies instead, and `info.memory` says which. The pool
// mechanics (queue, one task per idle worker, typed errors, dispose) are written here rather
// than taken from a pool library: this package has no runtime dependencies, and the Node pool
// libraries do not run in browsers.
import { releaseScratch } from './pool-memory.js';
import { AbortError, InvalidArgumentError } from './errors.js';
import { kernelMode } from './kernels/backend.js';
import type { ErrorRecord, PoolTask, TaskResult } from './pool-tasks.js';
import { reviveError } from './pool-tasks.js';

/** How task data reaches the workers. */
export type PoolMemory = 'shared' | 'copy';

/** What a pool runs on, as {@link Pool.info} reports it. */
export interface PoolInfo {
  /** the worker implementation: Node `worker_threads` or browser Web Workers */
  runtime: 'node' | 'browser';
  /** number of worker threads */
  threads: number;
  /**
   * 'shared': matrices are shared with the workers through SharedArrayBuffer (Node, and
   * cross-origin-isolated pages); 'copy': each task's inputs and outputs are copied through
   * postMessage (pages without cross-origin isolation, or when asked for)
   */
  memory: PoolMemory;
  /** why `memory` is 'copy', empty when it is 'shared' */
  reason: string;
}

/** Options of {@link createPool}. */
export interface PoolOptions {
  /** number of worker threads (default: the host's available parallelism, at least 1) */
  threads?: number;
  /** 'auto' (default: shared memory when the host allows it) or 'copy' to force copies */
  memory?: 'auto' | 'copy';
}

/**
 * A pool of worker threads for {@link matmulParallel}, {@link eighBatch} and
 * {@link symmetricFunctionBatch}. Opt-in: nothing uses a pool unless it is passed as
 * `{ pool }`. Idle workers do not keep a Node process alive; call {@link Pool.dispose} to end
 * them.
 */
export interface Pool {
  /** number of worker threads */
  readonly threads: number;
  /** runtime, thread count and memory mode */
  readonly info: PoolInfo;
  /** true once {@link Pool.dispose} has been called */
  readonly disposed: boolean;
  /**
   * Run one task on the next idle worker (or on `worker`). The task's arrays are views on shared memory (or
   * copies in copy mode, whose outputs are written back into the given views). @internal
   */
  run(task: PoolTask, worker?: number): Promise<TaskResult>;
  /**
   * Call an exported function of a module in the next idle worker, for work that needs code of
   * its own (a domain package's kernels). The module is imported once per worker; arguments and
   * the result are copied by postMessage, except SharedArrayBuffer memory, which is shared (so a
   * function can write its output into a shared array it was given). A thrown RgError arrives as
   * the same typed error.
   *
   * @param module - absolute URL of the module (`new URL('./kernel.js', import.meta.url)`)
   * @param name - the exported function
   * @param args - its arguments
   * @returns what the function returns (awaited)
   */
  call(module: string | URL, name: string, args: unknown[]): Promise<unknown>;
  /**
   * {@link Pool.call} on one given worker, for work that keeps data in a worker between calls
   * (a module-level cache the calls share, e.g. a matrix resident in a worker's WebAssembly
   * memory across the iterations of a solver). The call waits for that worker, not for the next
   * idle one.
   *
   * @param worker - the worker's index, 0 ≤ worker < threads
   * @param module - absolute URL of the module
   * @param name - the exported function
   * @param args - its arguments
   * @returns what the function returns (awaited)
   * @throws {InvalidArgumentError} when `worker` is not an index of a live worker
   */
  callOn(worker: number, module: string | URL, name: string, args: unknown[]): Promise<unknown>;
  /** Terminate every worker; queued and running tasks reject with an AbortError. */
  dispose(): Promise<void>;
}

interface Port {
  post(message: unknown): void;
  terminate(): Promise<unknown> | undefined;
  ref(): void;
  unref(): void;
}

interface Job {
  task: PoolTask;
  /** the worker that must run it (Pool.callOn), or undefined for the next idle one */
  seat?: number;
  resolve(r: TaskResult): void;
  reject(e: unknown): void;
}

interface Slot {
  port: Port;
  job: Job | null;
  id: number;
  /** the worker's index at creation (stable when another worker dies) */
  seat: number;
}

type Reply =
  | { ready: true }
  | { id: number; ok: boolean; outputs?: Float64Array[]; value?: unknown }
  | { id: number; error: ErrorRecord };

/**
 * The number of threads a pool gets by default: `os.availableParallelism()` in Node,
 * `navigator.hardwareConcurrency` in browsers, 1 where neither is known.
 *
 * @example
 * availableThreads() >= 1 // => true
 */
export function availableThreads(): number {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number };
  const n = os?.availableParallelism?.() ?? nav?.hardwareConcurrency ?? 1;
  return Math.max(1, Math.floor(n));
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return (
    typeof p?.versions?.node === 'string' &&
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'undefined'
  );
}

/** The worker entry next to this module (`.ts` when running from source under tsx or vitest). */
function workerUrl(): { url: URL; source: boolean } {
  const source = import.meta.url.endsWith('.ts');
  return {
    url: new URL(source ? './pool-worker.ts' : './pool-worker.js', import.meta.url),
    source,
  };
}

/**
 * Import a Node built-in by a specifier bundlers do not follow: browser bundles of this package
 * (esbuild, Vite, webpack) must not try to resolve `node:` modules that only the Node path loads.
 */
const nodeBuiltin = <T>(specifier: string): Promise<T> =>
  import(/* @vite-ignore */ /* webpackIgnore: true */ specifier) as Promise<T>;

async function spawnNode(onMessage: (r: Reply) => void, onFail: (e: Error) => void): Promise<Port> {
  const { Worker } = await nodeBuiltin<typeof import('node:worker_threads')>('node:worker_threads');
  const { url, source } = workerUrl();
  // Workers inherit the process's Node options; --input-type (for `node -e` scripts) would
  // make the worker refuse its own entry file.
  const execArgv = (
    (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? []
  ).filter((x) => !x.startsWith('--input-type'));
  let w: InstanceType<typeof Worker>;
  if (source) {
    // From source (tests and benches) the worker first registers the TypeScript loader they
    // run under (tsx, a development dependency), then imports the worker entry.
    const { createRequire } = await nodeBuiltin<typeof import('node:module')>('node:module');
    const { pathToFileURL } = await nodeBuiltin<typeof import('node:url')>('node:url');
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
    const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
    w = new Worker(boot, { eval: true, execArgv });
  } else w = new Worker(url, { execArgv });
  w.on('message', onMessage);
  w.on('error', onFail);
  w.on('exit', (code) => onFail(new Error(`pool worker exited (code ${code})`)));
  return {
    post: (m) => w.postMessage(m),
    terminate: () => w.terminate(),
    ref: () => w.ref(),
    unref: () => w.unref(),
  };
}

function spawnBrowser(onMessage: (r: Reply) => void, onFail: (e: Error) => void): Port {
  const W = (globalThis as unknown as { Worker: new (u: URL, o: object) => BrowserWorker }).Worker;
  const w = new W(workerUrl().url, { type: 'module' });
  w.onmessage = (e) => onMessage(e.data as Reply);
  w.onerror = (e) => onFail(new Error(`pool worker failed: ${e.message ?? 'error'}`));
  return {
    post: (m) => w.postMessage(m),
    terminate: () => {
      w.terminate();
      return undefined;
    },
    ref: () => {},
    unref: () => {},
  };
}

interface BrowserWorker {
  postMessage(m: unknown): void;
  terminate(): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: { message?: string }) => void) | null;
}

/** Whether SharedArrayBuffer can be sent to workers here, and if not, why. */
function sharedMemory(node: boolean): { ok: boolean; reason: string } {
  // Browsers hide SharedArrayBuffer from pages that are not cross-origin isolated: say so first.
  if (!node && (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated !== true)
    return {
      ok: false,
      reason:
        'the page is not cross-origin isolated (serve it with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp)',
    };
  if (typeof SharedArrayBuffer !== 'function')
    return { ok: false, reason: 'SharedArrayBuffer is not available on this host' };
  return { ok: true, reason: '' };
}

/**
 * Start a pool of worker threads. Resolves once every worker has loaded.
 *
 * @param options - `{ threads, memory }`
 * @returns the pool; pass it as `{ pool }` and {@link Pool.dispose} it when done
 * @throws {InvalidArgumentError} when `threads` is not a positive integer or `memory` is unknown
 * @example
 * const pool = await createPool({ threads: 2 });
 * pool.info.threads // => 2
 * pool.info.memory // => 'shared'
 * await pool.dispose();
 * pool.disposed // => true
 */
export async function createPool(options: PoolOptions = {}): Promise<Pool> {
  const threads = options.threads ?? availableThreads();
  if (!Number.isInteger(threads) || threads < 1)
    throw new InvalidArgumentError(
      `createPool(): threads must be a positive integer (got ${threads})`,
    );
  const memoryAsked = options.memory ?? 'auto';
  if (memoryAsked !== 'auto' && memoryAsked !== 'copy')
    throw new InvalidArgumentError(
      `createPool(): memory must be 'auto' or 'copy' (got ${String(memoryAsked)})`,
    );
  const node = isNode();
  const shared = sharedMemory(node);
  const memory: PoolMemory = memoryAsked === 'copy' || !shared.ok ? 'copy' : 'shared';
  const info: PoolInfo = {
    runtime: node ? 'node' : 'browser',
    threads,
    memory,
    reason: memory === 'shared' ? '' : memoryAsked === 'copy' ? 'asked for' : shared.reason,
  };

  const slots: Slot[] = [];
  const queue: Job[] = [];
  let disposed = false;
  let nextId = 1;
  let busy = 0;

  const finish = (slot: Slot): Job | null => {
    const job = slot.job;
    slot.job = null;
    busy--;
    if (busy === 0) for (const s of slots) s.port.unref();
    return job;
  };

  const pump = () => {
    // Jobs in queue order, each to its worker (callOn) or to the first idle one.
    for (let q = 0; q < queue.length; ) {
      const job = queue[q];
      const slot = slots.find(
        (s) => s.job === null && (job.seat === undefined || s.seat === job.seat),
      );
      if (slot === undefined) {
        q++;
        continue;
      }
      queue.splice(q, 1);
      slot.job = job;
      slot.id = nextId++;
      if (busy === 0) for (const s of slots) s.port.ref();
      busy++;
      const copy = memory === 'copy';
      slot.port.post({ id: slot.id, task: copy ? copied(job.task) : job.task, copy });
    }
  };

  const readyWaits: Promise<void>[] = [];
  for (let i = 0; i < threads; i++) {
    let ready: () => void = () => {};
    let failed: (e: Error) => void = () => {};
    readyWaits.push(
      new Promise<void>((res, rej) => {
        ready = res;
        failed = rej;
      }),
    );
    const slot: Slot = { port: null as unknown as Port, job: null, id: 0, seat: i };
    const onMessage = (r: Reply) => {
      if ('ready' in r) {
        ready();
        return;
      }
      if (slot.job === null || r.id !== slot.id) return;
      const job = finish(slot) as Job;
      if ('error' in r) job.reject(reviveError(r.error));
      else {
        if (r.outputs) copyBack(job.task, r.outputs);
        job.resolve({ ok: r.ok, value: r.value });
      }
      pump();
    };
    const onFail = (e: Error) => {
      failed(e);
      if (disposed) return;
      const job = slot.job !== null ? finish(slot) : null;
      job?.reject(e);
      // A dead worker takes no more work; the others carry on.
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      for (let q = queue.length - 1; q >= 0; q--)
        if (queue[q].seat === slot.seat)
          queue
            .splice(q, 1)[0]
            .reject(new Error(`pool: worker ${slot.seat} failed (${e.message})`));
      if (slots.length === 0)
        for (const j of queue.splice(0))
          j.reject(new Error(`pool: every worker failed (${e.message})`));
    };
    slot.port = node ? await spawnNode(onMessage, onFail) : spawnBrowser(onMessage, onFail);
    slots.push(slot);
  }
  try {
    await Promise.all(readyWaits);
    // Idle workers must not keep the process alive; pump() refs them while work is in flight.
    for (const s of slots) s.port.unref();
  } catch (e) {
    disposed = true;
    await Promise.all(slots.map((s) => s.port.terminate()));
    throw e;
  }

  const callTask = async (
    fn: string,
    module: string | URL,
    name: string,
    args: unknown[],
    seat?: number,
  ): Promise<unknown> => {
    const url = module instanceof URL ? module.href : module;
    if (typeof url !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(url))
      throw new InvalidArgumentError(
        `${fn}(): module must be an absolute URL (got ${String(module)})`,
      );
    if (typeof name !== 'string')
      throw new InvalidArgumentError(`${fn}(): name must be a string (got ${String(name)})`);
    if (!Array.isArray(args)) throw new InvalidArgumentError(`${fn}(): args must be an array`);
    const r = await pool.run(
      { kind: 'call', module: url, name, args, backend: kernelMode() },
      seat,
    );
    return r.value;
  };

  const pool: Pool = {
    threads,
    info,
    get disposed() {
      return disposed;
    },
    run(task, seat?: number) {
      if (disposed)
        return Promise.reject(new InvalidArgumentError('pool.run(): the pool has been disposed'));
      return new Promise<TaskResult>((resolve, reject) => {
        queue.push({ task, resolve, reject, seat });
        pump();
      });
    },
    call(module, name, args) {
      return callTask('pool.call', module, name, args);
    },
    callOn(worker, module, name, args) {
      if (!Number.isInteger(worker) || !slots.some((s) => s.seat === worker))
        return Promise.reject(
          new InvalidArgumentError(
            `pool.callOn(): worker must be the index of a live worker, 0 ≤ worker < ${threads} (got ${String(worker)})`,
          ),
        );
      return callTask('pool.callOn', module, name, args, worker);
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      releaseScratch(pool);
      const pending = [...queue.splice(0), ...slots.flatMap((s) => (s.job ? [s.job] : []))];
      for (const s of slots) s.job = null;
      await Promise.all(slots.map((s) => s.port.terminate()));
      slots.length = 0;
      for (const j of pending) j.reject(new AbortError('pool.dispose(): the pool was disposed'));
    },
  };
  return pool;
}

/**
 * Copy mode: the task with its inputs copied out of their (possibly larger) buffers and fresh
 * output arrays, so that postMessage copies only what the worker needs.
 */
function copied(task: PoolTask): PoolTask {
  if (task.kind === 'call') return task;
  if (task.kind === 'gemm')
    return { ...task, a: task.a.slice(), b: task.b.slice(), c: new Float64Array(task.c.length) };
  return {
    ...task,
    input: task.input.slice(),
    values: new Float64Array(task.values.length),
    output: new Float64Array(task.output.length),
  };
}

/** Copy mode: write the outputs a worker sent back into the task's own views. */
function copyBack(task: PoolTask, outputs: Float64Array[]): void {
  if (task.kind === 'call') return;
  if (task.kind === 'gemm') task.c.set(outputs[0]);
  else {
    task.values.set(outputs[0]);
    task.output.set(outputs[1]);
  }
}

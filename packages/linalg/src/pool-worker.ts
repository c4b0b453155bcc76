// Entry point of a pool worker (Node worker_threads or a browser module Worker): runs the tasks
// it is sent with the same code as the calling thread and answers { id, ok } or { id, error }.
// In copy mode (no shared memory) the outputs travel back with the answer.
import { errorRecord, type PoolTask, runCall, runTask } from './pool-tasks.js';

interface Envelope {
  id: number;
  task: PoolTask;
  /** true when the task's arrays are copies: send the outputs back */
  copy: boolean;
}

type Post = (message: unknown, transfer?: ArrayBuffer[]) => void;

function handle(post: Post, { id, task, copy }: Envelope): void {
  if (task.kind === 'call') {
    runCall(task).then(
      (value) => post({ id, ok: true, value }),
      (e: unknown) => post({ id, error: errorRecord(e) }),
    );
    return;
  }
  try {
    const { ok } = runTask(task);
    if (!copy) {
      post({ id, ok });
      return;
    }
    const outputs = task.kind === 'gemm' ? [task.c] : [task.values, task.output];
    post(
      { id, ok, outputs },
      outputs.map((x) => x.buffer as ArrayBuffer),
    );
  } catch (e) {
    post({ id, error: errorRecord(e) });
  }
}

interface WorkerScope {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: Envelope }) => void): void;
}

const scope = globalThis as unknown as Partial<WorkerScope> & { WorkerGlobalScope?: unknown };
if (scope.WorkerGlobalScope !== undefined && typeof scope.postMessage === 'function') {
  const self = scope as WorkerScope;
  const post: Post = (m, t) => self.postMessage(m, t ?? []);
  self.addEventListener('message', (event) => handle(post, event.data));
  post({ ready: true });
} else {
  // A specifier bundlers do not follow: browser bundles of the worker never load this branch.
  const builtin = 'node:worker_threads';
  const { parentPort } = (await import(
    /* @vite-ignore */ /* webpackIgnore: true */ builtin
  )) as typeof import('node:worker_threads');
  if (parentPort === null) throw new Error('pool-worker: not started as a worker');
  const port = parentPort;
  const post: Post = (m, t) => port.postMessage(m, t ?? []);
  port.on('message', (data: Envelope) => handle(post, data));
  post({ ready: true });
}

// Drives src/worker.mjs for one package: a per-case time limit (a case that exceeds it is a
// hang; the worker is replaced and the run resumes at the next case) and crash recovery
// (a worker that dies, e.g. out of memory, records the case it was on).
import { Worker } from 'node:worker_threads';
import { casesOf } from './cases.mjs';
import { DESCRIPTIONS } from './descriptions.mjs';

export const CASE_TIME_LIMIT_MS = Number(process.env.RG_FUZZ_CASE_MS ?? 5000);
/** The allocation limit the suite runs under: 256 MiB, so "huge" sizes must hit the guard. */
export const FUZZ_ALLOCATION_LIMIT = 2 ** 28;

/** Findings of one package: [{ key, category, detail }] with key 'pkg:name:arg:label'. */
export async function runPackage(pkg) {
  const mod = await import(`@rg/${pkg}`);
  const table = DESCRIPTIONS[pkg];
  const cases = Object.keys(table)
    .filter((name) => name in mod)
    .flatMap((name) => casesOf(pkg, name, table[name]));
  const findings = [];
  const keyOf = (c) => `${c.pkg}:${c.name}:${c.arg < 0 ? 'baseline' : `${c.arg}:${c.label}`}`;
  return new Promise((resolve) => {
    const start = (startAt) => {
      if (startAt >= cases.length) return resolve({ cases: cases.length, findings });
      const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
        workerData: { pkg, startAt, allocationLimit: FUZZ_ALLOCATION_LIMIT },
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
        stdout: true,
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      let current = startAt;
      let timer;
      let finished = false;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          finished = true;
          findings.push({
            key: keyOf(cases[current]),
            category: 'hang',
            detail: `> ${CASE_TIME_LIMIT_MS} ms`,
          });
          worker.terminate().then(() => start(current + 1));
        }, CASE_TIME_LIMIT_MS);
      };
      arm();
      worker.on('message', (msg) => {
        if (msg.type === 'start') {
          current = msg.index;
          arm();
        } else if (msg.type === 'done') {
          if (msg.finding) findings.push({ key: keyOf(cases[msg.index]), ...msg.finding });
        } else if (msg.type === 'end') {
          finished = true;
          clearTimeout(timer);
          worker.terminate().then(() => resolve({ cases: cases.length, findings }));
        }
      });
      const crashed = (err) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        findings.push({
          key: keyOf(cases[current]),
          category: 'crash',
          detail: String(err?.message ?? err).slice(0, 160),
        });
        start(current + 1);
      };
      worker.on('error', crashed);
      worker.on('exit', (code) => code !== 0 && crashed(`exit ${code}`));
    };
    start(0);
  });
}

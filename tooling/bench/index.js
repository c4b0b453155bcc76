// Benchmark helpers. Every benchmark reports our time and the ratio against a
// peer measured in the same run (ml-matrix, mathjs, or NumPy/SciPy/POT through
// /usr/bin/python3 when it is present), never a bare time.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Time `fn` repeatedly (after warm-up) and return robust statistics in milliseconds.
 * The median is the figure to quote; `min` shows the noise floor.
 */
export function measure(fn, { minTime = 300, minRuns = 5, maxRuns = 1000, warmup = 2 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  const start = performance.now();
  while (
    times.length < minRuns ||
    (performance.now() - start < minTime && times.length < maxRuns)
  ) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  return { median, min: times[0], runs: times.length };
}

/** Same as `measure` for async functions. */
export async function measureAsync(
  fn,
  { minTime = 300, minRuns = 5, maxRuns = 1000, warmup = 2 } = {},
) {
  for (let i = 0; i < warmup; i++) await fn();
  const times = [];
  const start = performance.now();
  while (
    times.length < minRuns ||
    (performance.now() - start < minTime && times.length < maxRuns)
  ) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], runs: times.length };
}

/**
 * Time several variants of one computation (sync or async) in alternation, so that each sees the
 * same machine load: `warmup` calls each (default 1; worker pools want more: each worker thread
 * warms up its own JIT), then `runs` rounds that call every variant once.
 * Returns one timing per variant ({ median, min, runs, cpu }); the fastest run (`min`) is the
 * figure least disturbed by other jobs, and `cpu` (Node: the median CPU time of the whole
 * process, worker threads included, per call) shows what a variant costs in total whatever the
 * load: a parallel variant whose cpu stays near the one-thread variant's has little overhead.
 */
export async function alternate(variants, runs, warmup = 1) {
  for (let w = 0; w < warmup; w++) for (const v of variants) await v();
  const usage = globalThis.process?.cpuUsage;
  const times = variants.map(() => []);
  const cpus = variants.map(() => []);
  for (let i = 0; i < runs; i++)
    for (let j = 0; j < variants.length; j++) {
      const c0 = usage?.();
      const t0 = performance.now();
      await variants[j]();
      times[j].push(performance.now() - t0);
      if (c0) {
        const c = usage(c0);
        cpus[j].push((c.user + c.system) / 1000);
      }
    }
  const median = (t) => t[Math.floor(t.length / 2)];
  return times.map((t, j) => {
    t.sort((a, b) => a - b);
    cpus[j].sort((a, b) => a - b);
    return {
      median: median(t),
      min: t[0],
      runs: t.length,
      cpu: cpus[j].length ? median(cpus[j]) : undefined,
    };
  });
}

export const PYTHON = '/usr/bin/python3';

/** True when /usr/bin/python3 can import every module named. */
export function pythonHas(...modules) {
  if (!existsSync(PYTHON)) return false;
  const r = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join(';') || 'pass'], {
    stdio: 'ignore',
  });
  return r.status === 0;
}

/** Run a Python script with JSON on stdin and parse the JSON it prints. */
export function runPython(scriptPath, input = {}) {
  const out = execFileSync(PYTHON, [scriptPath], {
    input: JSON.stringify(input),
    maxBuffer: 1 << 28,
    encoding: 'utf8',
  });
  return JSON.parse(out);
}

function fmt(ms) {
  if (ms == null || Number.isNaN(ms)) return '—';
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4);
}

/**
 * Print a table: one row per benchmark with our median time and, for each peer,
 * its median and the ratio peer/ours (> 1 means we are faster).
 * Returns the rows with ratios for callers that want to store them.
 */
export function report(title, rows) {
  const peers = [...new Set(rows.flatMap((r) => Object.keys(r.peers ?? {})))];
  const header = [
    'benchmark',
    'ours ms',
    ...peers.flatMap((p) => [`${p} ms`, `${p}/ours`]),
    'note',
  ];
  const lines = rows.map((r) => [
    r.name,
    fmt(r.ours),
    ...peers.flatMap((p) => {
      const t = r.peers?.[p];
      return [fmt(t), t == null ? '—' : `${(t / r.ours).toFixed(2)}x`];
    }),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => String(l[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(line(l));
  return rows.map((r) => ({
    ...r,
    ratios: Object.fromEntries(
      peers.map((p) => [p, r.peers?.[p] == null ? null : r.peers[p] / r.ours]),
    ),
  }));
}

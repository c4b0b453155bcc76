// The worker pool in a browser: the built package (dist/) served from 127.0.0.1 to Debian
// Chromium through playwright-core, once with the headers that make the page cross-origin
// isolated (shared memory) and once without (the pool falls back to copies and says why).
// Both pages run matmulParallel, eighBatch and symmetricFunctionBatch on module Web Workers and
// compare them bit for bit with matmul, eigh and logmSym on the page's own thread.
// Without /usr/bin/chromium it skips with a message locally and fails under CI (CI=true).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const available = existsSync(CHROMIUM) && existsSync(join(DIST, 'pool-worker.js'));
const HOW = 'install Debian chromium (apt-get install -y chromium) and build the package first';

const PAGE = `<!doctype html><meta charset="utf-8"><title>@rg/linalg pool</title>
<script type="module">
import * as L from '/index.js';
try {
  const r = L.rng(25);
  const rand = (m, n) => { const a = L.zeros(m, n); for (let i = 0; i < a.data.length; i++) a.data[i] = r.normal(); return a; };
  const sym = (n) => { const a = rand(n, n); for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j]; return a; };
  const pool = await L.createPool({ threads: 2 });
  const a = rand(300, 260), b = rand(260, 270);
  const ms = Array.from({ length: 150 }, (_, i) => sym(4 + (i % 30)));
  const spd = Array.from({ length: 150 }, (_, i) => L.randomSPD(4 + (i % 20), r, { condition: 1e3 }));
  let progress = 0;
  const c = await L.matmulParallel(a, b, { pool, onProgress: (p) => { progress = p.done / p.total; } });
  const e = await L.eighBatch(ms, { pool });
  const f = await L.symmetricFunctionBatch(spd, 'log', { pool });
  const pairs = [[c.data, L.matmul(a, b).data]];
  for (let i = 0; i < ms.length; i++) {
    const ref = L.eigh(ms[i]);
    pairs.push([e[i].values, ref.values], [e[i].vectors.data, ref.vectors.data]);
  }
  for (let i = 0; i < spd.length; i++) pairs.push([f[i].data, L.logmSym(spd[i]).data]);
  let mismatches = 0, checked = 0;
  for (const [x, y] of pairs) { checked += y.length; for (let i = 0; i < y.length; i++) if (!Object.is(x[i], y[i])) mismatches++; }
  let typed = '';
  try { await L.symmetricFunctionBatch([...spd, sym(30)], 'log', { pool }); } catch (err) { typed = err.name + ': ' + err.message; }
  const info = pool.info;
  await pool.dispose();
  window.__rgResult = { info, mismatches, checked, progress, typed, isolated: globalThis.crossOriginIsolated === true };
} catch (e) {
  window.__rgResult = { error: String(e && e.stack || e) };
}
</script>`;

interface PageResult {
  error?: string;
  info: { runtime: string; threads: number; memory: string; reason: string };
  mismatches: number;
  checked: number;
  progress: number;
  typed: string;
  isolated: boolean;
}

if (!available && process.env.CI) {
  describe('worker pool in Chromium', () => {
    it('needs /usr/bin/chromium and dist/ under CI', () => {
      throw new Error(`CI is set but ${CHROMIUM} or dist/pool-worker.js is missing: ${HOW}`);
    });
  });
} else if (!available) {
  describe.skip(`worker pool in Chromium: skipped, ${HOW}`, () => {
    it('skipped', () => {});
  });
} else {
  let server: Server | undefined;
  let userDir: string | undefined;
  afterAll(() => {
    server?.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  const isolation = {
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
  };

  async function start(): Promise<number> {
    server = createServer((req, res) => {
      const [pathPart, query] = (req.url ?? '/').split('?');
      const path = normalize(decodeURIComponent(pathPart));
      // ?isolated on the page turns the headers on for it; workers and modules always get them
      // (they are same-origin, so they load either way).
      const headers = path === '/' && query !== 'isolated' ? {} : isolation;
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { 'content-type': 'text/html', ...headers });
        res.end(PAGE);
        return;
      }
      const file = join(DIST, path);
      if (!file.startsWith(DIST) || !file.endsWith('.js') || !existsSync(file)) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/javascript', ...isolation });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    return (server as Server).address() ? ((server as Server).address() as AddressInfo).port : 0;
  }

  describe('worker pool in Chromium', () => {
    it('runs on Web Workers with shared memory when isolated, with copies otherwise, bitwise as one thread', async () => {
      const port = await start();
      const { chromium } = await import('playwright-core');
      userDir = mkdtempSync(join(tmpdir(), 'rg-linalg-pool-'));
      const context = await chromium.launchPersistentContext(userDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--headless',
          '--no-sandbox',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      try {
        for (const isolated of [true, false]) {
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('pageerror', (e) => errors.push(e.message));
          await page.goto(`http://127.0.0.1:${port}/${isolated ? '?isolated' : ''}`);
          await page.waitForFunction(
            () => (window as unknown as { __rgResult?: unknown }).__rgResult !== undefined,
            null,
            { timeout: 90_000 },
          );
          const result = (await page.evaluate(
            () => (window as unknown as { __rgResult: unknown }).__rgResult,
          )) as PageResult;
          await page.close();
          expect(errors).toEqual([]);
          expect(result.error).toBeUndefined();
          expect(result.isolated).toBe(isolated);
          expect(result.info.runtime).toBe('browser');
          expect(result.info.threads).toBe(2);
          expect(result.info.memory).toBe(isolated ? 'shared' : 'copy');
          if (!isolated) expect(result.info.reason).toMatch(/not cross-origin isolated/);
          expect(result.checked).toBeGreaterThan(100_000);
          expect(result.mismatches).toBe(0);
          expect(result.progress).toBe(1);
          expect(result.typed).toMatch(
            /^NotPositiveDefiniteError: symmetricFunctionBatch\(\): matrices\[150\]: logmSym\(\)/,
          );
        }
      } finally {
        await context.close();
      }
    }, 180_000);
  });
}

// Every WebAssembly kernel module in a browser (tridiagonalization, QL, Cholesky, QR panel,
// bidiagonalization, bidiagonal QR, matrix–vector, products): the built package (dist/, plain
// ES modules) served from 127.0.0.1 and imported by a page in Debian Chromium through
// playwright-core. This checks that each module compiles synchronously on Chromium's main
// thread and that eigh (QL and divide and conquer), cholesky, qr (blocked and tall-skinny),
// svd and matvec agree bit for bit between the backends there, as they do in Node.
// Without /usr/bin/chromium it skips with a message locally and fails under CI (CI=true).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const available = existsSync(CHROMIUM) && existsSync(join(DIST, 'index.js'));
const HOW = 'install Debian chromium (apt-get install -y chromium) and build the package first';

const PAGE = `<!doctype html><meta charset="utf-8"><title>@rg/linalg kernel modules</title>
<script type="module">
import * as L from '/index.js';
try {
  const r = L.rng(11);
  const rand = (m, n) => { const a = L.zeros(m, n); for (let i = 0; i < a.data.length; i++) a.data[i] = r.normal(); return a; };
  const sym = (n) => { const a = rand(n, n); for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[j * n + i] = a.data[i * n + j]; return a; };
  const spd = (n) => { const b = rand(n, n); const s = L.matmulTransB(b, b); for (let i = 0; i < n; i++) s.data[i * n + i] += n; return s; };
  const inputs = { s40: sym(40), s300: sym(300), p50: spd(50), g70: rand(70, 45), g300: rand(300, 16), v: rand(60, 1).data };
  const run = () => {
    const e = L.eigh(inputs.s40), d = L.eigh(inputs.s300), c = L.cholesky(inputs.p50);
    const q = L.qr(inputs.g70), t = L.qr(inputs.g300), s = L.svd(inputs.g70);
    const m = L.matvec(inputs.g70, inputs.v.subarray(0, 45));
    return [e.values, e.vectors.data, d.values, d.vectors.data, c.data, q.q.data, q.r.data, t.q.data, s.s, s.u.data, s.v.data, m];
  };
  L.setKernelBackend('wasm-simd');
  const wasm = run();
  const info = L.kernelInfo();
  L.setKernelBackend('typescript');
  const ts = run();
  L.setKernelBackend('auto');
  let mismatches = 0;
  for (let q = 0; q < ts.length; q++)
    for (let i = 0; i < ts[q].length; i++) if (!Object.is(ts[q][i], wasm[q][i])) mismatches++;
  let checked = 0;
  for (const x of ts) checked += x.length;
  window.__rgResult = { info, mismatches, checked };
} catch (e) {
  window.__rgResult = { error: String(e && e.stack || e) };
}
</script>`;

if (!available && process.env.CI) {
  describe('kernel modules in Chromium', () => {
    it('needs /usr/bin/chromium and dist/ under CI', () => {
      throw new Error(`CI is set but ${CHROMIUM} or dist/index.js is missing: ${HOW}`);
    });
  });
} else if (!available) {
  describe.skip(`kernel modules in Chromium: skipped, ${HOW}`, () => {
    it('skipped', () => {});
  });
} else {
  let server: Server | undefined;
  let userDir: string | undefined;
  afterAll(() => {
    server?.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  describe('kernel modules in Chromium', () => {
    it('eigh, cholesky, qr, svd and matvec give bitwise-identical results on both backends on the main thread', async () => {
      server = createServer((req, res) => {
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
        if (path === '/' || path === '/index.html') {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(PAGE);
          return;
        }
        const file = join(DIST, path);
        if (!file.startsWith(DIST) || !file.endsWith('.js') || !existsSync(file)) {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end(readFileSync(file));
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const { chromium } = await import('playwright-core');
      userDir = mkdtempSync(join(tmpdir(), 'rg-linalg-modules-'));
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
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForFunction(
          () => (window as unknown as { __rgResult?: unknown }).__rgResult !== undefined,
          null,
          { timeout: 45_000 },
        );
        const result = (await page.evaluate(
          () => (window as unknown as { __rgResult: unknown }).__rgResult,
        )) as {
          error?: string;
          info: { simd: boolean; backend: string };
          mismatches: number;
          checked: number;
        };
        expect(errors).toEqual([]);
        expect(result.error).toBeUndefined();
        expect(result.info).toMatchObject({ simd: true, backend: 'wasm-simd' });
        expect(result.checked).toBeGreaterThan(100_000);
        expect(result.mismatches).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
}

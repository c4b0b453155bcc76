// The product kernels in a browser: the built package (dist/, plain ES modules) served from
// 127.0.0.1 and imported by a page in Debian Chromium through playwright-core. This checks
// that the WebAssembly module compiles synchronously on Chromium's main thread (which
// refuses modules over 4 KB) and that both backends agree there as they do in Node.
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

const PAGE = `<!doctype html><meta charset="utf-8"><title>@rg/linalg kernels</title>
<script type="module">
import * as L from '/index.js';
try {
  const r = L.rng(7);
  const rand = (m, n) => { const a = L.zeros(m, n); for (let i = 0; i < a.data.length; i++) a.data[i] = r.normal(); return a; };
  const a = rand(70, 90), b = rand(90, 50);
  const info = L.kernelInfo();
  L.setKernelBackend('wasm-simd');
  const wasm = [L.matmul(a, b), L.matmulTransA(a, a), L.matmulTransB(b, b), L.gram(a, 'AAt')];
  L.setKernelBackend('typescript');
  const ts = [L.matmul(a, b), L.matmulTransA(a, a), L.matmulTransB(b, b), L.gram(a, 'AAt')];
  L.setKernelBackend('auto');
  let mismatches = 0;
  for (let q = 0; q < ts.length; q++)
    for (let i = 0; i < ts[q].data.length; i++) if (ts[q].data[i] !== wasm[q].data[i]) mismatches++;
  // Worst error against the naive loop over the bound 2γ_k (|A||B|)_ij, γ_k ≈ k·2^-53.
  let naiveRatio = 0;
  for (let i = 0; i < 70; i++) for (let j = 0; j < 50; j++) {
    let s = 0, t = 0;
    for (let p = 0; p < 90; p++) { const v = a.data[i * 90 + p] * b.data[p * 50 + j]; s += v; t += Math.abs(v); }
    naiveRatio = Math.max(naiveRatio, Math.abs(s - wasm[0].data[i * 50 + j]) / (2 * 90 * 2 ** -53 * t));
  }
  window.__rgResult = { info, mismatches, naiveRatio };
} catch (e) {
  window.__rgResult = { error: String(e && e.stack || e) };
}
</script>`;

if (!available && process.env.CI) {
  describe('product kernels in Chromium', () => {
    it('needs /usr/bin/chromium and dist/ under CI', () => {
      throw new Error(`CI is set but ${CHROMIUM} or dist/index.js is missing: ${HOW}`);
    });
  });
} else if (!available) {
  describe.skip(`product kernels in Chromium: skipped, ${HOW}`, () => {
    it('skipped', () => {});
  });
} else {
  let server: Server | undefined;
  let userDir: string | undefined;
  afterAll(() => {
    server?.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  describe('product kernels in Chromium', () => {
    it('kernelInfo() reports wasm-simd on the main thread and both backends agree bitwise', async () => {
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
      userDir = mkdtempSync(join(tmpdir(), 'rg-linalg-chromium-'));
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
          naiveRatio: number;
        };
        expect(errors).toEqual([]);
        expect(result.error).toBeUndefined();
        expect(result.info).toMatchObject({ simd: true, backend: 'wasm-simd' });
        expect(result.mismatches).toBe(0);
        // Two summation orders differ by at most 2γ_k (|A||B|)_ij (Higham, ASNA §3.5).
        expect(result.naiveRatio).toBeLessThanOrEqual(1);
      } finally {
        await context.close();
      }
    });
  });
}

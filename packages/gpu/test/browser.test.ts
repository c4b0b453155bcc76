// The browser test: the package's sources bundled with esbuild into one page, served from
// 127.0.0.1, loaded in Debian Chromium through playwright-core with WebGL2 on SwiftShader.
// Without /usr/bin/chromium it skips with a message locally and fails under CI (CI=true).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const HOW = 'install Debian chromium (apt-get install -y chromium) to run the browser test';

if (!available && process.env.CI) {
  describe('browser (Chromium, webgl2)', () => {
    it('needs /usr/bin/chromium under CI', () => {
      throw new Error(`CI is set but ${CHROMIUM} is missing: ${HOW}`);
    });
  });
} else if (!available) {
  describe.skip(`browser (Chromium, webgl2): skipped, ${HOW}`, () => {
    it('skipped', () => {});
  });
} else {
  let server: Server | undefined;
  let userDir: string | undefined;
  afterAll(() => {
    server?.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  describe('browser (Chromium, webgl2)', () => {
    it("a bundled page runs createAccelerator({ mode: 'webgl2' }): matmul and Sinkhorn agree with float64", async () => {
      const esbuild = await import('esbuild');
      const bundle = await esbuild.build({
        entryPoints: [new URL('./browser/page.ts', import.meta.url).pathname],
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      const js = bundle.outputFiles[0].text;
      const html =
        '<!doctype html><meta charset="utf-8"><title>@rg/gpu</title><script type="module" src="/page.js"></script>';
      server = createServer((req, res) => {
        if (req.url === '/page.js') {
          res.writeHead(200, { 'content-type': 'text/javascript' });
          res.end(js);
        } else {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(html);
        }
      });
      await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const { chromium } = await import('playwright-core');
      userDir = mkdtempSync(join(tmpdir(), 'rg-gpu-chromium-'));
      const started = performance.now();
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
          '--use-angle=swiftshader',
          '--enable-unsafe-swiftshader',
        ],
      });
      try {
        console.log(`chromium started in ${Math.round(performance.now() - started)} ms`);
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(`http://127.0.0.1:${port}/`);
        await page.waitForFunction(
          () => (window as unknown as { __rgResult?: unknown }).__rgResult !== undefined,
          null,
          {
            timeout: 45_000,
          },
        );
        const result = (await page.evaluate(
          () => (window as unknown as { __rgResult: unknown }).__rgResult,
        )) as {
          ok: boolean;
          error?: string;
          mode: string;
          precision: string;
          matmulWorstRatio: number;
          disposed: boolean;
          sinkhorn: {
            converged: boolean;
            checksFollowRule: boolean;
            float32: boolean;
            rowErr: number;
            rowBound: number;
            colErr: number;
            colBound: number;
            planL1: number;
            planBound: number;
          };
        };
        expect(errors).toEqual([]);
        expect(result.error).toBeUndefined();
        expect(result.ok).toBe(true);
        expect(result.mode).toBe('webgl2');
        expect(result.precision).toBe('float32');
        // worst error over the (k + 2)·u·|A||B| bound with the GL factor 4 (see test/kernel-suite.ts)
        expect(result.matmulWorstRatio).toBeLessThanOrEqual(1);
        // the device loop (float32 scalings) under @rg/ot's stopping rule, within the bounds
        // derived in test/kernel-suite.ts
        expect(result.sinkhorn.float32).toBe(true);
        expect(result.sinkhorn.checksFollowRule).toBe(true);
        expect(result.sinkhorn.converged).toBe(true);
        expect(result.sinkhorn.rowErr).toBeLessThanOrEqual(result.sinkhorn.rowBound);
        expect(result.sinkhorn.colErr).toBeLessThanOrEqual(result.sinkhorn.colBound);
        expect(result.sinkhorn.planL1).toBeLessThanOrEqual(result.sinkhorn.planBound);
        expect(result.disposed).toBe(true);
      } finally {
        await context.close();
      }
      // Chromium start-up plus SwiftShader shader compiles take 30–60 s on a shared 2-core machine
    }, 150_000);
  });
}

// createAccelerator(): choose a gpu.js 2.24 backend (https://github.com/gpujs/gpu.js), report
// what was obtained and why, and route each call to the float32 kernels or the float64 path.
import {
  type AcceleratorFallback,
  type AcceleratorLimits,
  type AcceleratorMode,
  type AcceleratorModeRequest,
  type ChebyshevFilterOptions,
  checkInteger,
  checkOptions,
  checkPositive,
  checkVector,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import { checkFits, checkMarginals, checkMatrix } from './checks.js';
import { defaultThresholds } from './default-thresholds.js';
import type {
  GpuAccelerator,
  GpuAcceleratorThresholds,
  GpuSinkhornOptions,
} from './gpu-accelerator.js';
import { GpuBackend, isSoftwareRenderer, probeMode } from './gpu-backend.js';
import { gpuKernels } from './gpu-kernels.js';
import { chebyshevPipeline, sinkhornPipeline } from './pipelines.js';
import { kernelChecks, referenceKernels } from './reference-kernels.js';

/** Options of {@link createAccelerator}. */
export interface CreateAcceleratorOptions {
  /** backend to use; `'auto'` (default) picks the best and sends small calls to float64 */
  mode?: AcceleratorModeRequest;
  /** work sizes from which a call is accelerated (defaults: {@link defaultThresholds} in auto, 0 otherwise) */
  thresholds?: Partial<GpuAcceleratorThresholds>;
  /** throw instead of falling back when the requested mode is unavailable */
  strict?: boolean;
  /** largest output block per launch (default min(max texture size, 4096)); lower it to test tiling */
  tileSize?: number;
  /** lower the per-argument entry limit (default min(max texture size², 2^24)) */
  maxElements?: number;
}

/** The documented fallback order: an explicit request starts at its mode and walks down. */
const ORDER: readonly AcceleratorMode[] = [
  'webgpu',
  'webgl2',
  'webgl',
  'headlessgl',
  'webasm',
  'cpu',
];
const MODES: readonly AcceleratorModeRequest[] = ['auto', ...ORDER];
// flat float32 indices i·cols + j stay exact below 2^24 (float32 has a 24-bit significand)
const INDEX_LIMIT = 2 ** 24;

function chooseMode(requested: AcceleratorModeRequest, strict: boolean) {
  const fallbacks: AcceleratorFallback[] = [];
  const start = requested === 'auto' ? 0 : ORDER.indexOf(requested);
  for (let i = start; i < ORDER.length; i++) {
    const mode = ORDER[i];
    const probe = probeMode(mode);
    if (probe.ok && requested === 'auto' && isSoftwareRenderer(probe.renderer)) {
      fallbacks.push({
        mode,
        reason: `software rasterizer (${probe.renderer}): slower than webasm on the CPU; request '${mode}' explicitly to use it`,
      });
      continue;
    }
    if (probe.ok) return { mode, probe, fallbacks };
    if (strict && mode === requested)
      throw new InvalidArgumentError(
        `createAccelerator(): mode '${mode}' is unavailable: ${probe.reason}`,
      );
    fallbacks.push({ mode, reason: probe.reason });
  }
  // gpu.js's cpu mode is plain JavaScript and probes ok wherever gpu.js loads: reaching this line
  // means a broken installation, not a bad argument
  throw new Error(
    `createAccelerator(): internal error: no gpu.js backend is usable (${fallbacks.map((f) => `${f.mode}: ${f.reason}`).join('; ')})`,
  );
}

/**
 * Create an accelerator: gpu.js float32 kernels behind the structural `Accelerator` interface
 * of @rg/linalg, which domain functions accept as `{ accelerator }`, plus a device-resident
 * Sinkhorn loop that @rg/ot's `sinkhorn(a, b, C, { accelerator })` uses (its
 * `SinkhornAccelerator` interface, matched structurally).
 *
 * Modes: `cpu` (gpu.js JavaScript kernels), `webasm` (WebAssembly SIMD), `headlessgl` (WebGL in
 * Node through the `gl` package; needs an X display, e.g. `xvfb-run -a`), `webgl`/`webgl2`
 * (browsers), `webgpu` (asynchronous-only in gpu.js, so it falls back). An unavailable mode falls
 * back in the order webgpu → webgl2 → webgl → headlessgl → webasm → cpu, and every skipped mode is
 * listed in `fallbacks` with its reason (or, with `strict: true`, throws). `auto` walks the same
 * order but also skips software GL rasterizers (llvmpipe, SwiftShader), and sends calls smaller
 * than `thresholds` to the float64 TypeScript path. `thresholds.sinkhorn` is read by @rg/ot's
 * `sinkhorn()`, which runs its own float64 loop below it; `accelerator.sinkhorn()` itself always
 * runs on the device.
 *
 * All accelerated results are float32-accurate: a length-k reduction carries an error up to about
 * k·2⁻²⁴·Σ|terms| (see the Acceleration guide). Call `dispose()` when done.
 *
 * @param options - mode, thresholds, strict, tileSize, maxElements
 * @returns the accelerator ({@link GpuAccelerator}); `mode` is the backend actually obtained
 * @throws {InvalidArgumentError} on an unknown mode or option, or (strict) an unavailable mode
 * @example
 * import { fromRows } from '@rg/linalg';
 * const acc = createAccelerator({ mode: 'cpu' });
 * acc.mode // => 'cpu'
 * acc.precision // => 'float32'
 * acc.matmul(fromRows([[1, 2], [3, 4]]), fromRows([[1, 0], [0, 1]])) // => [[1, 2], [3, 4]]
 * acc.dispose();
 * createAccelerator({ mode: 'webgl2' }).fallbacks.length > 0 // => true
 */
export function createAccelerator(optionsIn: CreateAcceleratorOptions = {}): GpuAccelerator {
  const fn = 'createAccelerator';
  const options = checkOptions(fn, 'options', optionsIn);
  const requested = options.mode ?? 'auto';
  if (!MODES.includes(requested))
    throw new InvalidArgumentError(
      `${fn}(): mode must be one of ${MODES.join(', ')} (got ${String(requested)})`,
    );
  for (const [name, value] of Object.entries(options.thresholds ?? {})) {
    if (!(name in defaultThresholds))
      throw new InvalidArgumentError(`${fn}(): unknown threshold '${name}'`);
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0)
      throw new InvalidArgumentError(
        `${fn}(): thresholds.${name} must be a number ≥ 0 (got ${value})`,
      );
  }
  if (options.tileSize !== undefined) checkInteger(fn, 'tileSize', options.tileSize, 1);
  if (options.maxElements !== undefined) checkInteger(fn, 'maxElements', options.maxElements, 1);

  const { mode, probe, fallbacks } = chooseMode(requested, options.strict ?? false);
  const backend = new GpuBackend(mode);
  const maxTextureSize = probe.maxTextureSize;
  const deviceElements = Math.min(maxTextureSize * maxTextureSize, INDEX_LIMIT);
  const limits: AcceleratorLimits = Object.freeze({
    maxTextureSize,
    maxElements: Math.min(deviceElements, options.maxElements ?? Infinity),
    tileSize: Math.min(options.tileSize ?? 4096, maxTextureSize),
  });
  const zero = Object.fromEntries(Object.keys(defaultThresholds).map((k) => [k, 0]));
  const thresholds = Object.freeze({
    ...(requested === 'auto' ? defaultThresholds : zero),
    ...options.thresholds,
  }) as Readonly<GpuAcceleratorThresholds>;
  const kernels = gpuKernels(backend, limits.tileSize);
  let disposed = false;

  const live = (name: string): string => {
    if (disposed)
      throw new InvalidArgumentError(`accelerator.${name}(): the accelerator was disposed`);
    return `accelerator.${name}`;
  };
  const fits = (f: string, entries: Record<string, number>): void => {
    for (const [name, count] of Object.entries(entries))
      checkFits(f, name, count, limits.maxElements);
  };
  const checkCost = (
    f: string,
    fv: ArrayLike<number>,
    gv: ArrayLike<number>,
    c: Matrix,
    eps: number,
  ) => {
    kernelChecks.cost(f, fv, gv, c, eps);
    fits(f, { c: c.data.length });
  };

  const acc: GpuAccelerator = {
    mode,
    requestedMode: requested,
    precision: 'float32',
    async: false,
    limits,
    fallbacks: Object.freeze(fallbacks),
    thresholds,
    get disposed() {
      return disposed;
    },
    matmul(a, b) {
      const f = live('matmul');
      kernelChecks.product(f, a, b);
      fits(f, { a: a.data.length, b: b.data.length, result: a.rows * b.cols });
      if (a.rows * a.cols * b.cols < thresholds.matmul) return referenceKernels.matmul(a, b);
      return kernels.matmul(a, b);
    },
    batchedMatmul(a, b) {
      const f = live('batchedMatmul');
      kernelChecks.batch(f, a, b);
      const p = a[0].rows;
      const q = a[0].cols;
      const r = b[0].cols;
      fits(f, { a: a.length * p * q, b: a.length * q * r, result: a.length * p * r });
      if (a.length * p * q * r < thresholds.batchedMatmul)
        return referenceKernels.batchedMatmul(a, b);
      return kernels.batchedMatmul(a, b);
    },
    pairwiseSqDist(x, y) {
      const f = live('pairwiseSqDist');
      checkMatrix(f, 'x', x);
      checkMatrix(f, 'y', y);
      if (x.cols !== y.cols)
        throw new ShapeError(`${f}(): x.cols (${x.cols}) must equal y.cols (${y.cols})`);
      fits(f, { x: x.data.length, y: y.data.length, result: x.rows * y.rows });
      if (x.rows * y.rows * x.cols < thresholds.pairwiseSqDist)
        return referenceKernels.pairwiseSqDist(x, y);
      return kernels.pairwiseSqDist(x, y);
    },
    gibbsKernel(c, eps) {
      const f = live('gibbsKernel');
      checkMatrix(f, 'c', c);
      checkPositive(f, 'eps', eps);
      fits(f, { c: c.data.length });
      if (c.data.length < thresholds.gibbsKernel) return referenceKernels.gibbsKernel(c, eps);
      return kernels.gibbsKernel(c, eps);
    },
    kernelMatvec(k, v) {
      const f = live('kernelMatvec');
      checkMatrix(f, 'k', k);
      checkVector(f, 'v', v, k.cols);
      fits(f, { k: k.data.length });
      if (k.data.length < thresholds.kernelMatvec) return referenceKernels.kernelMatvec(k, v);
      return kernels.kernelMatvec(k, v);
    },
    kernelMatvecTrans(k, u) {
      const f = live('kernelMatvecTrans');
      checkMatrix(f, 'k', k);
      checkVector(f, 'u', u, k.rows);
      fits(f, { k: k.data.length });
      if (k.data.length < thresholds.kernelMatvec) return referenceKernels.kernelMatvecTrans(k, u);
      return kernels.kernelMatvecTrans(k, u);
    },
    logSumExpRows(fv, gv, c, eps) {
      const f = live('logSumExpRows');
      checkCost(f, fv, gv, c, eps);
      if (c.data.length < thresholds.logSumExp)
        return referenceKernels.logSumExpRows(fv, gv, c, eps);
      return kernels.logSumExpRows(fv, gv, c, eps);
    },
    logSumExpCols(fv, gv, c, eps) {
      const f = live('logSumExpCols');
      checkCost(f, fv, gv, c, eps);
      if (c.data.length < thresholds.logSumExp)
        return referenceKernels.logSumExpCols(fv, gv, c, eps);
      return kernels.logSumExpCols(fv, gv, c, eps);
    },
    gram(g) {
      const f = live('gram');
      checkMatrix(f, 'g', g);
      fits(f, { g: g.data.length, result: g.rows * g.rows });
      if (g.rows * g.rows * g.cols < thresholds.gram) return referenceKernels.gram(g);
      return kernels.gram(g);
    },
    rowSums(a) {
      const f = live('rowSums');
      checkMatrix(f, 'a', a);
      fits(f, { a: a.data.length });
      if (a.data.length < thresholds.sums) return referenceKernels.rowSums(a);
      return kernels.rowSums(a);
    },
    colSums(a) {
      const f = live('colSums');
      checkMatrix(f, 'a', a);
      fits(f, { a: a.data.length });
      if (a.data.length < thresholds.sums) return referenceKernels.colSums(a);
      return kernels.colSums(a);
    },
    chebyshevFilter(l, x, coeffs, opts: ChebyshevFilterOptions = {}) {
      const f = live('chebyshevFilter');
      const lo = opts.lambdaMin ?? -1;
      const hi = opts.lambdaMax ?? 1;
      kernelChecks.chebyshev(f, l, x, coeffs, lo, hi);
      fits(f, { l: l.data.length, x: x.data.length });
      const side = Math.max(l.rows, x.cols);
      if (side > limits.maxTextureSize)
        throw new ShapeError(
          `${f}(): l is ${l.rows}×${l.rows}, over the device texture limit of ${limits.maxTextureSize}`,
        );
      if (l.rows * l.rows * x.cols * coeffs.length < thresholds.chebyshevFilter)
        return referenceKernels.chebyshevFilter(l, x, coeffs, { lambdaMin: lo, lambdaMax: hi });
      return chebyshevPipeline(backend, l, x, coeffs, lo, hi);
    },
    sinkhorn(a, b, c, opts: GpuSinkhornOptions) {
      const f = live('sinkhorn');
      checkMarginals(f, a, b, c);
      if (!opts || typeof opts !== 'object')
        throw new InvalidArgumentError(`${f}(): options { reg } are required`);
      checkPositive(f, 'options.reg', opts.reg);
      const maxIter = opts.maxIter ?? 1000;
      const checkEvery = opts.checkEvery ?? 10;
      const tol = opts.tol ?? 1e-9;
      checkInteger(f, 'options.maxIter', maxIter, 0);
      checkInteger(f, 'options.checkEvery', checkEvery, 1);
      checkPositive(f, 'options.tol', tol, true);
      fits(f, { c: c.data.length });
      if (Math.max(c.rows, c.cols) > limits.maxTextureSize)
        throw new ShapeError(
          `${f}(): c is ${c.rows}×${c.cols}, over the device texture limit of ${limits.maxTextureSize}`,
        );
      return sinkhornPipeline(backend, a, b, c, { ...opts, maxIter, checkEvery, tol });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      backend.dispose();
    },
  };
  // diagnostics for tests: which backend each compiled kernel really ran on
  Object.defineProperty(acc, 'executedModes', {
    value: () => backend.executedModes(),
    enumerable: false,
  });
  return acc;
}

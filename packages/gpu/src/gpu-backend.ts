// Opening a gpu.js backend for one accelerator, probing it, and owning what it allocates.
// gpu.js 2.24 (https://github.com/gpujs/gpu.js): every GL kernel gets its own context unless one
// is shared, and pipeline textures only move between kernels of one context, so the first
// kernel's context is handed to every later one.
import * as gpujs from 'gpu.js';
import { GPU } from 'gpu.js';
import type { AcceleratorMode } from '@rg/linalg';

/** The part of a gpu.js kernel object this package touches. */
export interface GpuKernel {
  (...args: unknown[]): unknown;
  kernel: {
    constructor: { mode?: string; destroyContext?: (ctx: unknown) => void };
    context?: unknown;
    canvas?: unknown;
    fallbackReason?: string | null;
  };
  destroy(removeCanvasReferences?: boolean): void;
}

/** The this-context gpu.js gives a kernel function. */
export interface KernelThis {
  thread: { x: number; y: number; z: number };
  constants: Record<string, number>;
}

/** A gpu.js pipeline texture (GL) or the plain array cpu/webasm return in its place. */
export type DeviceValue = { toArray(): unknown; delete(): void } | Float32Array | Float32Array[];

/** Settings of one kernel, passed through to gpu.createKernel. */
export interface KernelSettings {
  output: number[];
  constants?: Record<string, number>;
  pipeline?: boolean;
  immutable?: boolean;
}

interface GpuInstance {
  createKernel(fn: unknown, settings: Record<string, unknown>): GpuKernel;
  context: unknown;
  canvas: unknown;
  kernels: unknown[];
}

interface KernelClass {
  isSupported: boolean;
  features?: { maxTextureSize?: number; isFloatRead?: boolean; isTextureFloat?: boolean };
  testContext?: {
    getParameter(p: number): unknown;
    getExtension(name: string): unknown;
    RENDERER: number;
  } | null;
}

type GpuStatic = {
  new (settings: Record<string, unknown>): GpuInstance;
  isWebAssemblySupported: boolean;
};

const GPUClass = GPU as unknown as GpuStatic;

// gpu.js keeps its backend classes on the module's exports in Node, and on the GPU class itself
// in its browser build (module.exports = GPU there)
const kernelClasses = new Proxy({} as Record<string, KernelClass | undefined>, {
  get: (_, name: string) =>
    (gpujs as unknown as Record<string, KernelClass | undefined>)[name] ??
    (GPU as unknown as Record<string, KernelClass | undefined>)[name],
});

const classNames: Record<string, string> = {
  headlessgl: 'HeadlessGLKernel',
  webgl: 'WebGLKernel',
  webgl2: 'WebGL2Kernel',
  webasm: 'WebAssemblyKernel',
  cpu: 'CPUKernel',
};

/** What probing a mode found. */
export interface Probe {
  ok: boolean;
  reason: string;
  maxTextureSize: number;
  /** renderer string for GL modes ('' elsewhere); used to spot software rasterizers */
  renderer: string;
}

function glRenderer(cls: KernelClass): string {
  const ctx = cls.testContext;
  if (!ctx) return '';
  try {
    const info = ctx.getExtension('WEBGL_debug_renderer_info') as {
      UNMASKED_RENDERER_WEBGL: number;
    } | null;
    const r = info
      ? ctx.getParameter(info.UNMASKED_RENDERER_WEBGL)
      : ctx.getParameter(ctx.RENDERER);
    return String(r ?? '');
  } catch {
    return '';
  }
}

/** Probe whether gpu.js can run `mode` here, without allocating anything that outlives the call. */
export function probeMode(mode: AcceleratorMode): Probe {
  const none = { maxTextureSize: 0, renderer: '' };
  if (mode === 'webgpu')
    return {
      ok: false,
      reason:
        'webgpu kernels in gpu.js 2.24 only return Promises, and this Accelerator offers synchronous kernels',
      ...none,
    };
  if (mode === 'cpu') return { ok: true, reason: '', maxTextureSize: Infinity, renderer: '' };
  if (mode === 'webasm') {
    const ok = Boolean(GPUClass.isWebAssemblySupported);
    return {
      ok,
      reason: ok ? '' : 'WebAssembly (with SIMD) is not available in this runtime',
      maxTextureSize: Infinity,
      renderer: '',
    };
  }
  const cls = kernelClasses[classNames[mode]];
  let supported = false;
  try {
    supported = Boolean(cls?.isSupported);
  } catch (e) {
    return { ok: false, reason: `probing ${mode} threw: ${(e as Error).message}`, ...none };
  }
  if (!cls || !supported) {
    const why =
      mode === 'headlessgl'
        ? typeof window === 'undefined'
          ? 'the gl package did not load or could not open a context (build gl from source with libxi-dev libx11-dev libxext-dev libglu1-mesa-dev libglew-dev pkg-config, and give it an X display: xvfb-run -a)'
          : 'headlessgl only exists in Node'
        : typeof document === 'undefined'
          ? `${mode} needs a browser (no document here)`
          : `this browser offers no ${mode === 'webgl2' ? 'WebGL2' : 'WebGL'} context`;
    return { ok: false, reason: why, ...none };
  }
  const features = cls.features ?? {};
  if (features.isFloatRead === false || features.isTextureFloat === false)
    return { ok: false, reason: `${mode} has no float32 textures (OES_texture_float)`, ...none };
  return {
    ok: true,
    reason: '',
    maxTextureSize: features.maxTextureSize ?? 4096,
    renderer:
      mode === 'headlessgl' && !nodeHasGpuDevice()
        ? `${glRenderer(cls)} (no GPU device node: software rendering, e.g. llvmpipe)`
        : glRenderer(cls),
  };
}

/** The backend a compiled kernel runs on (gpu.js reports every GL class as 'gpu'). */
function kernelMode(k: GpuKernel): string {
  const ctor = k.kernel.constructor as unknown;
  for (const [mode, name] of Object.entries(classNames))
    if (kernelClasses[name] === ctor) return mode;
  return String(k.kernel.constructor.mode ?? 'unknown');
}

/**
 * In Node, whether the machine exposes a GPU device node (DRM render node or NVIDIA device);
 * without one, headless-gl renders on Mesa's llvmpipe, which ANGLE's renderer string hides.
 */
function nodeHasGpuDevice(): boolean {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs') as
    | { existsSync(p: string): boolean; readdirSync(p: string): string[] }
    | undefined;
  if (!fs) return true;
  try {
    if (fs.existsSync('/dev/nvidia0')) return true;
    return (
      fs.existsSync('/dev/dri') && fs.readdirSync('/dev/dri').some((f) => f.startsWith('renderD'))
    );
  } catch {
    return true;
  }
}

/** True when a GL renderer string names a CPU rasterizer (llvmpipe, softpipe, SwiftShader). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /llvmpipe|softpipe|swiftshader|software/i.test(renderer);
}

/** One accelerator's gpu.js instance and the kernels it compiled, keyed by name and shape. */
export class GpuBackend {
  readonly mode: AcceleratorMode;
  readonly isGL: boolean;
  private gpu: GpuInstance | null;
  private readonly cache = new Map<string, GpuKernel>();
  private readonly owned = new Set<GpuKernel>();
  private sharedContext: unknown = null;

  constructor(mode: AcceleratorMode) {
    this.mode = mode;
    this.isGL = mode === 'headlessgl' || mode === 'webgl' || mode === 'webgl2';
    this.gpu = new GPUClass({ mode });
  }

  /** The cached kernel under `key`, compiled by `fn` with `settings` on first use. */
  kernel(
    key: string,
    fn: (this: KernelThis, ...args: never[]) => number,
    settings: KernelSettings,
  ): GpuKernel {
    const hit = this.cache.get(key);
    if (hit) return hit;
    const k = this.create(fn, settings);
    this.cache.set(key, k);
    return k;
  }

  /** A kernel the caller owns until it passes it to `release` (pipelines with their own outputs). */
  create(fn: (this: KernelThis, ...args: never[]) => number, settings: KernelSettings): GpuKernel {
    const gpu = this.gpu;
    if (!gpu) throw new Error('GpuBackend: used after dispose');
    const k = gpu.createKernel(fn, {
      ...settings,
      precision: 'single',
      tactic: 'precision',
      // loops run to constants, never to this bound, but gpu.js checks it for GL
      loopMaxIterations: 1 << 24,
    });
    if (this.isGL && this.sharedContext === null) {
      // every later kernel shares this context, so pipeline textures can flow between them
      this.sharedContext = k.kernel.context ?? null;
      gpu.context = k.kernel.context;
      gpu.canvas = k.kernel.canvas;
    }
    this.owned.add(k);
    return k;
  }

  /** Destroy one owned kernel (and its textures). */
  release(k: GpuKernel): void {
    if (!this.owned.delete(k)) return;
    k.destroy(true);
  }

  /** The backend mode each compiled kernel actually runs on, to catch silent CPU degradation. */
  executedModes(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, k] of this.cache) out[key] = kernelMode(k);
    return out;
  }

  get kernelCount(): number {
    return this.owned.size;
  }

  dispose(): void {
    if (!this.gpu) return;
    let destroyContext: ((ctx: unknown) => void) | undefined;
    for (const k of this.owned) {
      destroyContext ??= k.kernel.constructor.destroyContext;
      k.destroy(true);
    }
    this.owned.clear();
    this.cache.clear();
    if (this.sharedContext && destroyContext) destroyContext(this.sharedContext);
    this.sharedContext = null;
    this.gpu.kernels.length = 0;
    this.gpu = null;
  }
}

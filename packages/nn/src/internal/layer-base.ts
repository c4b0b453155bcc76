// The machinery shared by every layer: parameter slots bound as views into one flat vector per
// model, gradient sinks (summed or per sample), the shape pass, and the validating public
// methods around each layer's unchecked forward/backward/R-operator.
import {
  assertFinite,
  assertFiniteArray,
  checkInteger,
  InvalidArgumentError,
  type Matrix,
  ShapeError,
} from '@rg/linalg';
import type { JsonValue, Parameter } from '@rg/optim';
import type { ForwardOptions, Layer, LayerSpec, ModelJSON, RBackwardResult } from '../layer.js';
import { mmTA, mmTAAdd } from './products.js';

/** Storage of one model: all parameter values, all gradients. */
export interface Storage {
  values: Float64Array;
  grads: Float64Array;
}

/** A parameter of one layer: local name, shape, and where it lives in its model's storage. */
export class ParamSlot {
  readonly local: string;
  readonly rows: number;
  readonly cols: number;
  readonly size: number;
  /** offset in the storage of the outermost model */
  offset = 0;
  param: Parameter;

  constructor(local: string, rows: number, cols: number) {
    this.local = local;
    this.rows = rows;
    this.cols = cols;
    this.size = rows * cols;
    this.param = {
      name: local,
      value: { rows, cols, data: new Float64Array(this.size) },
      grad: { rows, cols, data: new Float64Array(this.size) },
    };
  }

  /** the current values (a view into the model's storage) */
  get w(): Float64Array {
    return this.param.value.data;
  }
}

/** A flat vector laid out like a model's parameters, starting at storage offset `base`. */
export interface ParamVector {
  readonly data: Float64Array;
  readonly base: number;
}

/** The part of a {@link ParamVector} that belongs to one slot. */
export function slice(v: ParamVector, slot: ParamSlot): Float64Array {
  const o = slot.offset - v.base;
  return v.data.subarray(o, o + slot.size);
}

/** Where parameter gradients go: summed over the batch, or one row per sample. */
export interface GradSink {
  /** slot (a×b) += Xᵀ G for X rows×a, G rows×b */
  xtg(slot: ParamSlot, x: Float64Array, g: Float64Array, rows: number, a: number, b: number): void;
  /** slot (length b) += column sums of G (rows×b) */
  colSum(slot: ParamSlot, g: Float64Array, rows: number, b: number): void;
  /** slot (length b) += column sums of A ⊙ B (rows×b each) */
  colSumProduct(
    slot: ParamSlot,
    a: Float64Array,
    bArr: Float64Array,
    rows: number,
    b: number,
  ): void;
  /** row `slotRow` of slot (width b) += row `srcRow` of src (width b) */
  addRow(slot: ParamSlot, slotRow: number, src: Float64Array, srcRow: number, b: number): void;
}

/** Gradients summed over all rows into a flat vector laid out like the parameters. */
export class SumSink implements GradSink {
  constructor(readonly target: ParamVector) {}

  xtg(slot: ParamSlot, x: Float64Array, g: Float64Array, rows: number, a: number, b: number) {
    mmTAAdd(a, b, rows, x, g, slice(this.target, slot));
  }

  colSum(slot: ParamSlot, g: Float64Array, rows: number, b: number) {
    const t = slice(this.target, slot);
    for (let i = 0; i < rows; i++) {
      const o = i * b;
      for (let c = 0; c < b; c++) t[c] += g[o + c];
    }
  }

  colSumProduct(slot: ParamSlot, a: Float64Array, bArr: Float64Array, rows: number, b: number) {
    const t = slice(this.target, slot);
    for (let i = 0; i < rows; i++) {
      const o = i * b;
      for (let c = 0; c < b; c++) t[c] += a[o + c] * bArr[o + c];
    }
  }

  addRow(slot: ParamSlot, slotRow: number, src: Float64Array, srcRow: number, b: number) {
    const t = this.target.data;
    const o = slot.offset - this.target.base + slotRow * b;
    const s = srcRow * b;
    for (let c = 0; c < b; c++) t[o + c] += src[s + c];
  }
}

/**
 * Per-sample gradients: row s of `out` (samples × dim) receives the gradient contributions of
 * rows s·rowsPerSample … (s+1)·rowsPerSample − 1 of the batch.
 */
export class PerSampleSink implements GradSink {
  private tmp = new Float64Array(0);

  constructor(
    readonly out: Float64Array,
    readonly dim: number,
    readonly base: number,
    readonly rowsPerSample: number,
  ) {}

  private col(slot: ParamSlot): number {
    return slot.offset - this.base;
  }

  xtg(slot: ParamSlot, x: Float64Array, g: Float64Array, rows: number, a: number, b: number) {
    const T = this.rowsPerSample;
    const samples = rows / T;
    const col = this.col(slot);
    const out = this.out;
    if (T === 1) {
      // one row per sample: the outer product x_sᵀ g_s, cheaper in a loop than a product call
      for (let s = 0; s < samples; s++) {
        const base = s * this.dim + col;
        for (let p = 0; p < a; p++) {
          const xp = x[s * a + p];
          if (xp === 0) continue;
          const o = base + p * b;
          const go = s * b;
          for (let c = 0; c < b; c++) out[o + c] += xp * g[go + c];
        }
      }
      return;
    }
    if (this.tmp.length < a * b) this.tmp = new Float64Array(a * b);
    const t = this.tmp;
    for (let s = 0; s < samples; s++) {
      mmTA(a, b, T, x.subarray(s * T * a, (s + 1) * T * a), g.subarray(s * T * b), t);
      const o = s * this.dim + col;
      for (let i = 0; i < a * b; i++) out[o + i] += t[i];
    }
  }

  colSum(slot: ParamSlot, g: Float64Array, rows: number, b: number) {
    const col = this.col(slot);
    for (let i = 0; i < rows; i++) {
      const o = Math.floor(i / this.rowsPerSample) * this.dim + col;
      for (let c = 0; c < b; c++) this.out[o + c] += g[i * b + c];
    }
  }

  colSumProduct(slot: ParamSlot, a: Float64Array, bArr: Float64Array, rows: number, b: number) {
    const col = this.col(slot);
    for (let i = 0; i < rows; i++) {
      const o = Math.floor(i / this.rowsPerSample) * this.dim + col;
      for (let c = 0; c < b; c++) this.out[o + c] += a[i * b + c] * bArr[i * b + c];
    }
  }

  addRow(slot: ParamSlot, slotRow: number, src: Float64Array, srcRow: number, b: number) {
    const o = Math.floor(srcRow / this.rowsPerSample) * this.dim + this.col(slot) + slotRow * b;
    const s = srcRow * b;
    for (let c = 0; c < b; c++) this.out[o + c] += src[s + c];
  }
}

/** What every layer of one forward pass sees. */
export interface RunContext {
  /** the public call, for error messages */
  readonly fn: string;
  /** where tokens and keyPaddingMask came from, for error messages ('options' or 'data') */
  readonly arg: string;
  readonly training: boolean;
  /** rows per sample (1 unless given) */
  readonly tokens: number;
  readonly tokensGiven: boolean;
  /** 1 = padding key, one entry per sequence row; null: no padding */
  readonly padding: Uint8Array | null;
}

/** A shape that flows through the shape pass. */
export interface Shape {
  rows: number;
  cols: number;
}

const NO_LAYERS: readonly LayerBase[] = [];

/** The outermost container of a layer (the layer itself when it has none). */
export function treeRoot(layer: LayerBase): LayerBase {
  let l = layer;
  while (l.parent !== null) l = l.parent;
  return l;
}

/**
 * Record a forward pass through `layer`: every forward overwrites the cached state of the
 * layers it runs, so backward is valid only while no other forward ran in the same tree.
 * Returns the token that {@link isCurrent} checks.
 */
export function markForward(layer: LayerBase): ForwardToken {
  const root = treeRoot(layer);
  root.forwardRuns++;
  return { root, version: root.forwardRuns };
}

/** A record of one forward pass in a layer tree. */
export interface ForwardToken {
  readonly root: LayerBase;
  readonly version: number;
}

/** True while no other forward ran in the tree since the token was taken. */
export function isCurrent(layer: LayerBase, token: ForwardToken | null): boolean {
  if (token === null) return false;
  const root = treeRoot(layer);
  return token.root === root && token.version === root.forwardRuns;
}

/** A Matrix of zeros. */
export function zerosMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A JSON-safe copy of a layer's options (drops undefined). */
export type Config = { [key: string]: JsonValue };

/**
 * The base of every layer: owns parameter slots, knows its children, and implements the
 * public, validating `Layer` methods over the unchecked `fwd`, `bwd`, `rfwd`, `rbwd`.
 */
export abstract class LayerBase implements Layer {
  abstract readonly kind: string;
  readonly name: string | undefined;
  /** the container this layer was put into */
  parent: LayerBase | null = null;
  /** this layer's own parameters (not its children's) */
  readonly slots: ParamSlot[] = [];
  storage: Storage = { values: new Float64Array(0), grads: new Float64Array(0) };
  /** offset of this layer's first parameter in `storage` */
  offset = 0;
  dim = 0;
  /** forward passes run in the tree under this layer while it is the outermost container */
  forwardRuns = 0;
  /** shapes of the last public forward (input, output), for the public backward */
  private lastIn: Shape | null = null;
  private lastOut: Shape | null = null;
  private lastForward: ForwardToken | null = null;
  private rReady = false;

  constructor(name: string | undefined) {
    this.name = name;
  }

  // ---- what each layer implements (unchecked) ----

  /** Output shape for an input shape; throws ShapeError naming `where` on a misfit. */
  abstract outShape(input: Shape, ctx: RunContext, where: string): Shape;
  /** y = f(x); keeps what backward and the R-operator need */
  abstract fwd(x: Matrix, ctx: RunContext): Matrix;
  /** parameter gradients into sink; the input gradient when needGx (else null) */
  abstract bwd(gy: Matrix, sink: GradSink, needGx: boolean): Matrix | null;
  /** R{y} for input direction rx and parameter direction v (null: zero); null when R{y} = 0 */
  abstract rfwd(rx: Matrix | null, v: ParamVector | null): Matrix | null;
  /** [gx, R{gx}] (each null when not needed or zero); R{parameter gradient} into sink */
  abstract rbwd(
    gy: Matrix,
    rgy: Matrix | null,
    sink: GradSink,
    needGx: boolean,
  ): [Matrix | null, Matrix | null];
  /** options for the JSON spec (kind and name are added by the base) */
  abstract config(): Config;

  children(): readonly LayerBase[] {
    return NO_LAYERS;
  }

  /** the name of child i inside this container's parameter names ('' for a pass-through) */
  childPrefix(i: number): string {
    const c = this.children()[i];
    return `${c.name ?? `layer${i + 1}`}.`;
  }

  /** `dense()` or `dense('encoder')`, for messages */
  label(): string {
    return this.name === undefined ? `${this.kind}()` : `${this.kind}('${this.name}')`;
  }

  protected addParam(local: string, rows: number, cols: number): ParamSlot {
    const s = new ParamSlot(local, rows, cols);
    this.slots.push(s);
    return s;
  }

  /** Take ownership of children (each may have one container). */
  protected adopt(fn: string, children: readonly LayerBase[]): void {
    const seen = new Set<LayerBase>();
    children.forEach((c, i) => {
      if (!(c instanceof LayerBase))
        throw new InvalidArgumentError(
          `${fn}: layers[${i}] must be a layer made by @rg/nn (dense(), attention(), …)`,
        );
      if (c.parent !== null || seen.has(c))
        throw new InvalidArgumentError(
          `${fn}: layers[${i}] (${c.label()}) already belongs to a container; create a new layer`,
        );
      seen.add(c);
    });
    for (const c of children) c.parent = this;
  }

  // ---- public Layer methods ----

  get params(): Float64Array {
    const v = this.storage.values;
    // the outermost model owns the whole storage: hand out the array itself (a stable object)
    return this.offset === 0 && this.dim === v.length
      ? v
      : v.subarray(this.offset, this.offset + this.dim);
  }

  get grads(): Float64Array {
    const g = this.storage.grads;
    return this.offset === 0 && this.dim === g.length
      ? g
      : g.subarray(this.offset, this.offset + this.dim);
  }

  get layers(): readonly Layer[] {
    return this.children();
  }

  parameters(): Parameter[] {
    return allSlots(this).map((s) => s.param);
  }

  zeroGrad(): void {
    this.grads.fill(0);
  }

  forward(x: Matrix, options: ForwardOptions = {}): Matrix {
    const fn = `${this.label()}.forward`;
    assertFinite(fn, 'x', x);
    if (x.rows === 0) throw new ShapeError(`${fn}(): x must have at least one row`);
    const ctx = runContext(fn, options);
    const out = this.outShape({ rows: x.rows, cols: x.cols }, ctx, 'x');
    const token = markForward(this);
    const y = this.fwd(x, ctx);
    this.lastIn = { rows: x.rows, cols: x.cols };
    this.lastOut = out;
    this.lastForward = token;
    this.rReady = false;
    return y;
  }

  private needForward(method: string): [Shape, Shape] {
    if (this.lastIn === null || this.lastOut === null)
      throw new InvalidArgumentError(
        `${this.label()}.${method}(): call forward() first (it keeps what ${method} needs)`,
      );
    if (!isCurrent(this, this.lastForward))
      throw new InvalidArgumentError(
        `${this.label()}.${method}(): another forward pass ran through this model since this layer's forward(); call forward() again`,
      );
    return [this.lastIn, this.lastOut];
  }

  private checkOutputLike(method: string, name: string, g: Matrix, out: Shape): void {
    const fn = `${this.label()}.${method}`;
    assertFinite(fn, name, g);
    if (g.rows !== out.rows || g.cols !== out.cols)
      throw new ShapeError(
        `${fn}(): ${name} must be ${out.rows}×${out.cols} like the output of the last forward (is ${g.rows}×${g.cols})`,
      );
  }

  backward(gradOut: Matrix): Matrix {
    const [inS, outS] = this.needForward('backward');
    this.checkOutputLike('backward', 'gradOut', gradOut, outS);
    const sink = new SumSink({ data: this.storage.grads, base: 0 });
    return this.bwd(gradOut, sink, true) ?? zerosMatrix(inS.rows, inS.cols);
  }

  rForward(dInput: Matrix | null, dParams: Float64Array | null): Matrix {
    const [inS, outS] = this.needForward('rForward');
    const fn = `${this.label()}.rForward`;
    if (dInput !== null) {
      assertFinite(fn, 'dInput', dInput);
      if (dInput.rows !== inS.rows || dInput.cols !== inS.cols)
        throw new ShapeError(
          `${fn}(): dInput must be ${inS.rows}×${inS.cols} like the input of the last forward (is ${dInput.rows}×${dInput.cols})`,
        );
    }
    if (dParams !== null) {
      if (!(dParams instanceof Float64Array) || dParams.length !== this.dim)
        throw new ShapeError(`${fn}(): dParams must be a Float64Array of length ${this.dim}`);
      assertFiniteArray(fn, 'dParams', dParams);
    }
    const v = dParams === null ? null : { data: dParams, base: this.offset };
    const r = this.rfwd(dInput, v);
    this.rReady = true;
    return r ?? zerosMatrix(outS.rows, outS.cols);
  }

  rBackward(gradOut: Matrix, rGradOut: Matrix | null, out?: Float64Array): RBackwardResult {
    const [inS, outS] = this.needForward('rBackward');
    const fn = `${this.label()}.rBackward`;
    if (!this.rReady)
      throw new InvalidArgumentError(
        `${fn}(): call rForward() after the last forward() (it fixes the directions)`,
      );
    this.checkOutputLike('rBackward', 'gradOut', gradOut, outS);
    if (rGradOut !== null) this.checkOutputLike('rBackward', 'rGradOut', rGradOut, outS);
    let target = out;
    if (target === undefined) target = new Float64Array(this.dim);
    else if (!(target instanceof Float64Array) || target.length !== this.dim)
      throw new ShapeError(`${fn}(): out must be a Float64Array of length ${this.dim}`);
    else target.fill(0);
    const sink = new SumSink({ data: target, base: this.offset });
    const [g, rg] = this.rbwd(gradOut, rGradOut, sink, true);
    return {
      grad: g ?? zerosMatrix(inS.rows, inS.cols),
      rGrad: rg ?? zerosMatrix(inS.rows, inS.cols),
      rParamGrad: target,
    };
  }

  /** the architecture (kind, name, options, children) */
  spec(): LayerSpec {
    const s: { [k: string]: JsonValue | LayerSpec[] } = { kind: this.kind };
    if (this.name !== undefined) s.name = this.name;
    Object.assign(s, this.config());
    const ch = this.children();
    if (ch.length > 0 || this.isContainer()) s.layers = ch.map((c) => c.spec());
    return s as LayerSpec;
  }

  /** containers list `layers` in their spec even when empty */
  isContainer(): boolean {
    return false;
  }

  toJSON(): ModelJSON {
    return { format: '@rg/nn', version: 1, layer: this.spec(), params: Array.from(this.params) };
  }
}

/** Every slot of a layer tree in parameter order: a layer's own slots, then its children's. */
export function allSlots(layer: LayerBase): ParamSlot[] {
  const out: ParamSlot[] = [];
  const walk = (l: LayerBase) => {
    out.push(...l.slots);
    for (const c of l.children()) walk(c);
  };
  walk(layer);
  return out;
}

/**
 * Lay the parameters of a layer tree out in one new flat storage (values and gradients copied
 * over), name them by path, and point every layer of the tree at it. Returns the root.
 */
export function bindTree<T extends LayerBase>(root: T): T {
  const entries: [ParamSlot, string][] = [];
  const walk = (l: LayerBase, prefix: string) => {
    for (const s of l.slots) entries.push([s, prefix + s.local]);
    l.children().forEach((c, i) => {
      walk(c, prefix + l.childPrefix(i));
    });
  };
  walk(root, '');
  const names = new Set<string>();
  for (const [, name] of entries) {
    if (names.has(name))
      throw new InvalidArgumentError(
        `${root.label()}: two parameters are named '${name}'; give the layers distinct names`,
      );
    names.add(name);
  }
  let total = 0;
  for (const [s] of entries) total += s.size;
  const storage: Storage = { values: new Float64Array(total), grads: new Float64Array(total) };
  let off = 0;
  for (const [s, name] of entries) {
    storage.values.set(s.param.value.data, off);
    storage.grads.set((s.param.grad as Matrix).data, off);
    s.offset = off;
    s.param = {
      name,
      value: { rows: s.rows, cols: s.cols, data: storage.values.subarray(off, off + s.size) },
      grad: { rows: s.rows, cols: s.cols, data: storage.grads.subarray(off, off + s.size) },
    };
    off += s.size;
  }
  // every layer of the tree: its offset is that of its first slot, its dim the size of its slots
  const place = (l: LayerBase): void => {
    l.storage = storage;
    const slots = allSlots(l);
    l.offset = slots.length > 0 ? slots[0].offset : 0;
    l.dim = slots.reduce((a, s) => a + s.size, 0);
    for (const c of l.children()) place(c);
  };
  place(root);
  return root;
}

/** Validate forward options into a run context. */
export function runContext(fn: string, options: ForwardOptions, arg = 'options'): RunContext {
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const { training = false, tokens, keyPaddingMask } = options;
  if (tokens !== undefined) checkInteger(fn, `${arg}.tokens`, tokens, 1);
  let padding: Uint8Array | null = null;
  if (keyPaddingMask !== undefined) {
    if (keyPaddingMask === null || typeof keyPaddingMask.length !== 'number')
      throw new InvalidArgumentError(
        `${fn}(): ${arg}.keyPaddingMask must be an array of booleans or 0/1, one per row`,
      );
    padding = new Uint8Array(keyPaddingMask.length);
    for (let i = 0; i < padding.length; i++) padding[i] = keyPaddingMask[i] ? 1 : 0;
  }
  return {
    fn,
    arg,
    training: !!training,
    tokens: tokens ?? 1,
    tokensGiven: tokens !== undefined,
    padding,
  };
}

/**
 * For the layers that mix tokens: options.tokens must be given and split the rows into whole
 * samples, and a padding mask must have one entry per row.
 */
export function checkSequence(ctx: RunContext, rows: number, layer: string, where: string): void {
  if (!ctx.tokensGiven)
    throw new InvalidArgumentError(
      `${ctx.fn}(): ${layer} mixes tokens, so ${ctx.arg}.tokens (rows per sample) is required`,
    );
  if (rows % ctx.tokens !== 0)
    throw new ShapeError(
      `${ctx.fn}(): ${where} of ${layer} has ${rows} rows, not a whole number of samples of ${ctx.arg}.tokens = ${ctx.tokens} rows`,
    );
  if (ctx.padding !== null && ctx.padding.length !== rows)
    throw new ShapeError(
      `${ctx.fn}(): ${ctx.arg}.keyPaddingMask has ${ctx.padding.length} entries; ${where} of ${layer} has ${rows} rows`,
    );
}

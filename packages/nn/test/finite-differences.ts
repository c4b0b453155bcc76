// Central-difference checks of a layer's backward pass and R-operator, shared by the tests.
import { type Matrix, rng } from '@rg/linalg';
import type { ForwardOptions, Layer } from '../src/index.js';

/** A layer under test: a factory (fresh layers share the same mask seeds), an input, options. */
export interface LayerCase {
  name: string;
  make: () => Layer;
  x: Matrix;
  options?: ForwardOptions;
  /** token ids: no input derivative */
  discreteInput?: boolean;
}

/** Relative errors of each check: ‖analytic − FD‖ / ‖FD‖. */
export interface LayerErrors {
  inputGrad: number;
  paramGrad: number;
  rForward: number;
  rBackward: number;
  /** ‖rBackward().grad − backward()‖ / ‖backward()‖: the two code paths agree */
  rBackwardGrad: number;
}

// Central differences have truncation error O(ε² f''') and rounding error O(ε_mach |f| / ε);
// ε = 1e-5 balances them near (2.2e-16)^(1/3) ≈ 6e-6, leaving about 1e-10 relative error.
export const EPS = 1e-5;

export function randomVector(n: number, seed: number, scale = 1): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n }, () => scale * r.normal());
}

export function randomMatrix(rows: number, cols: number, seed: number, scale = 1): Matrix {
  return { rows, cols, data: randomVector(rows * cols, seed, scale) };
}

const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, x, i) => s + x * b[i], 0);
export const norm = (a: Float64Array) => Math.sqrt(dot(a, a));
export const relErr = (a: Float64Array, b: Float64Array) =>
  norm(a.map((x, i) => x - b[i])) / Math.max(norm(b), 1e-300);

function concatArrays(...parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Every check of one layer at parameters θ (the layer's start, moved randomly) and input x. */
export function checkLayer(c: LayerCase, seed: number): LayerErrors {
  const base = c.make();
  const dim = base.dim;
  // move away from the initialization (zero biases, unit gains) so every term is exercised
  const theta = base.params.map((p, i) => p + 0.3 * randomVector(dim, seed)[i]);
  const x = c.x;
  const opts = c.options ?? {};
  const at = (t: Float64Array) => {
    const l = c.make();
    l.params.set(t);
    return l;
  };
  const out = at(theta).forward(x, opts);
  const G = randomVector(out.data.length, seed + 1);
  const RG = randomVector(out.data.length, seed + 2);
  const gm = (d: Float64Array): Matrix => ({ rows: out.rows, cols: out.cols, data: d });
  const phi = (xs: Matrix, t: Float64Array) => dot(G, at(t).forward(xs, opts).data);
  const shifted = (eps: number, dx: Float64Array | null): Matrix =>
    dx === null ? x : { ...x, data: x.data.map((v, i) => v + eps * dx[i]) };

  // backward: gradients of φ = ⟨G, layer(x; θ)⟩
  const l = at(theta);
  l.forward(x, opts);
  const gx = l.backward(gm(G)).data;
  const gTheta = Float64Array.from(l.grads);
  let inputGrad = 0;
  if (!c.discreteInput) {
    const fd = new Float64Array(x.data.length);
    for (let i = 0; i < fd.length; i++) {
      const e = new Float64Array(fd.length);
      e[i] = 1;
      fd[i] = (phi(shifted(EPS, e), theta) - phi(shifted(-EPS, e), theta)) / (2 * EPS);
    }
    inputGrad = relErr(gx, fd);
  }
  let paramGrad = 0;
  if (dim > 0) {
    const fd = new Float64Array(dim);
    for (let j = 0; j < dim; j++) {
      const tp = Float64Array.from(theta);
      const tm = Float64Array.from(theta);
      tp[j] += EPS;
      tm[j] -= EPS;
      fd[j] = (phi(x, tp) - phi(x, tm)) / (2 * EPS);
    }
    paramGrad = relErr(gTheta, fd);
  }

  // R-operator directions
  const dx = c.discreteInput ? null : randomVector(x.data.length, seed + 3);
  const dTheta = randomVector(dim, seed + 4);
  const lr = at(theta);
  lr.forward(x, opts);
  const ry = lr.rForward(dx === null ? null : { ...x, data: dx }, dTheta).data;
  const yp = at(theta.map((t, i) => t + EPS * dTheta[i])).forward(shifted(EPS, dx), opts).data;
  const ym = at(theta.map((t, i) => t - EPS * dTheta[i])).forward(shifted(-EPS, dx), opts).data;
  const rForward = relErr(
    ry,
    yp.map((v, i) => (v - ym[i]) / (2 * EPS)),
  );

  // rBackward: the derivative of (backward(G + ε RG) at x + ε dx, θ + ε dθ)
  const res = lr.rBackward(gm(G), gm(RG));
  const backwardAt = (eps: number) => {
    const b = at(theta.map((t, i) => t + eps * dTheta[i]));
    b.forward(shifted(eps, dx), opts);
    const g = b.backward(gm(G.map((v, i) => v + eps * RG[i]))).data;
    return concatArrays(c.discreteInput ? new Float64Array(0) : g, Float64Array.from(b.grads));
  };
  const bp = backwardAt(EPS);
  const bm = backwardAt(-EPS);
  const analytic = concatArrays(
    c.discreteInput ? new Float64Array(0) : res.rGrad.data,
    res.rParamGrad,
  );
  const rBackward = relErr(
    analytic,
    bp.map((v, i) => (v - bm[i]) / (2 * EPS)),
  );
  const rBackwardGrad = relErr(res.grad.data, gx.length ? gx : new Float64Array(0));
  return { inputGrad, paramGrad, rForward, rBackward, rBackwardGrad };
}

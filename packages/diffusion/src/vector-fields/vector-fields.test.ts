import {
  csrToDense,
  eigh,
  fromRows,
  InvalidArgumentError,
  type Matrix,
  matrix,
  rng,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  connectionLaplacian,
  graphGp,
  knnGraph,
  laplacian,
  liftFromFrames,
  localFrames,
  nearestNeighbors,
  projectToFrames,
  rvgp,
  sphere,
  vectorHeatDiffusion,
} from '../index.js';

/** The rotation field e_z × x on the unit sphere: tangent, zero at the poles. */
function rotation(x: Matrix): Matrix {
  const out = new Float64Array(x.rows * 3);
  for (let i = 0; i < x.rows; i++) {
    out[3 * i] = -x.data[3 * i + 1];
    out[3 * i + 1] = x.data[3 * i];
  }
  return { rows: x.rows, cols: 3, data: out };
}

describe('localFrames', () => {
  it('frames on the unit sphere are orthonormal and orthogonal to the normal x', () => {
    const s = sphere({ n: 300, seed: 2 });
    const f = localFrames(s.points, { k: 10, dim: 2 });
    const nn = nearestNeighbors(s.points, { k: 10 });
    for (let i = 0; i < 300; i++) {
      const reach = nn.distances[i * 10 + 9];
      const F = f.data.subarray(i * 6, i * 6 + 6); // 3×2
      const x = s.points.data.subarray(3 * i, 3 * i + 3);
      for (let a = 0; a < 2; a++) {
        let nx = 0;
        let nn = 0;
        for (let c = 0; c < 3; c++) {
          nx += F[c * 2 + a] * x[c];
          nn += F[c * 2 + a] ** 2;
        }
        expect(nn).toBeCloseTo(1, 12);
        // the principal directions are combinations of chords of the cap of radius r around x,
        // each at an angle ≤ r from the tangent plane at x: |F_aᵀ x| ≤ sin r ≤ r
        expect(Math.abs(nx)).toBeLessThan(reach);
      }
      let cross = 0;
      for (let c = 0; c < 3; c++) cross += F[c * 2] * F[c * 2 + 1];
      expect(Math.abs(cross)).toBeLessThan(1e-12);
      expect(f.explained[i]).toBeGreaterThan(0.95);
    }
  });
  it('the Gram path (D > k + 1) gives the same subspace as the covariance path', () => {
    const r = rng(3);
    // points on a 2-plane inside R^20
    const n = 60;
    const D = 20;
    const basis = Float64Array.from({ length: 2 * D }, () => r.normal());
    const pts = new Float64Array(n * D);
    for (let i = 0; i < n; i++) {
      const u = r.normal();
      const v = r.normal();
      for (let c = 0; c < D; c++) pts[i * D + c] = u * basis[c] + v * basis[D + c];
    }
    const f = localFrames(matrix(n, D, pts), { k: 6, dim: 2 });
    // every frame column lies in span(basis): its residual after projection vanishes
    const B = matrix(
      D,
      2,
      Float64Array.from({ length: 2 * D }, (_, q) => basis[(q % 2) * D + Math.floor(q / 2)]),
    );
    const G = eigh(
      fromRows([
        [dot(B, 0, 0), dot(B, 0, 1)],
        [dot(B, 1, 0), dot(B, 1, 1)],
      ]),
    );
    expect(G.values[0]).toBeGreaterThan(0);
    for (let i = 0; i < n; i++)
      for (let a = 0; a < 2; a++) {
        const col = Float64Array.from({ length: D }, (_, c) => f.data[i * D * 2 + c * 2 + a]);
        expect(residualOutside(col, basis, D)).toBeLessThan(1e-10);
      }
  });
});

function dot(B: Matrix, a: number, b: number): number {
  let s = 0;
  for (let r = 0; r < B.rows; r++) s += B.data[r * 2 + a] * B.data[r * 2 + b];
  return s;
}

/** ‖v − P v‖ for P the orthogonal projector onto span of the two basis rows. */
function residualOutside(v: Float64Array, basis: Float64Array, D: number): number {
  const a = basis.subarray(0, D);
  const b = basis.subarray(D, 2 * D);
  const aa = a.reduce((s, x) => s + x * x, 0);
  const ab = a.reduce((s, x, c) => s + x * b[c], 0);
  const bb = b.reduce((s, x) => s + x * x, 0);
  const va = v.reduce((s, x, c) => s + x * a[c], 0);
  const vb = v.reduce((s, x, c) => s + x * b[c], 0);
  const det = aa * bb - ab * ab;
  const ca = (bb * va - ab * vb) / det;
  const cb = (aa * vb - ab * va) / det;
  let r = 0;
  for (let c = 0; c < D; c++) r += (v[c] - ca * a[c] - cb * b[c]) ** 2;
  return Math.sqrt(r);
}

describe('connectionLaplacian', () => {
  it('with identity connections its spectrum is that of L repeated d times', () => {
    const s = sphere({ n: 60, seed: 4 });
    const w = knnGraph(s.points, { k: 6, weights: 'gaussian' });
    const f = localFrames(s.points, { k: 6, dim: 2 });
    for (const normalized of [false, true]) {
      const L = eigh(csrToDense(laplacian(w, { normalized }))).values;
      const Lc = eigh(
        csrToDense(connectionLaplacian(w, f, { connections: 'identity', normalized })),
      ).values;
      // each eigenvalue of L twice; both from dense eigh (backward error ~nε‖L‖)
      for (let q = 0; q < 60; q++) {
        expect(Lc[2 * q]).toBeCloseTo(L[q], 11);
        expect(Lc[2 * q + 1]).toBeCloseTo(L[q], 11);
      }
    }
  });
  it('is symmetric positive semidefinite with orthogonal blocks; a smooth tangent field has a small Rayleigh quotient', () => {
    const s = sphere({ n: 250, seed: 5 });
    const w = knnGraph(s.points, { k: 10, weights: 'gaussian' });
    const f = localFrames(s.points, { k: 10, dim: 2 });
    const Lc = connectionLaplacian(w, f);
    const dense = csrToDense(Lc);
    const N = 500;
    for (let i = 0; i < N; i++)
      for (let j = 0; j < i; j++) expect(dense.data[i * N + j]).toBe(dense.data[j * N + i]);
    // off-diagonal blocks −w_ij O_ij with O_ij orthogonal: OᵀO = I
    for (let i = 0; i < 250; i += 37)
      for (let p = w.rowPtr[i]; p < w.rowPtr[i + 1]; p++) {
        const j = w.colIndex[p];
        const wij = w.values[p];
        const O = [0, 1].map((a) =>
          [0, 1].map((b) => -dense.data[(2 * i + a) * N + 2 * j + b] / wij),
        );
        expect(O[0][0] ** 2 + O[1][0] ** 2).toBeCloseTo(1, 12);
        expect(O[0][0] * O[0][1] + O[1][0] * O[1][1]).toBeCloseTo(0, 12);
      }
    const ev = eigh(dense).values;
    expect(ev[0]).toBeGreaterThan(-1e-10);
    // the rotation field is smooth (and a Killing field): far smaller quotient than noise
    const rq = (field: Float64Array) => {
      let num = 0;
      let den = 0;
      for (let i = 0; i < N; i++) {
        let s2 = 0;
        for (let j = 0; j < N; j++) s2 += dense.data[i * N + j] * field[j];
        num += field[i] * s2;
        den += field[i] * field[i];
      }
      return num / den;
    };
    const smooth = projectToFrames(f, rotation(s.points)).data;
    const r = rng(1);
    const noise = Float64Array.from({ length: N }, () => r.normal());
    expect(rq(smooth)).toBeLessThan(0.05 * rq(noise));
  });
});

describe('projectToFrames / liftFromFrames / vectorHeatDiffusion', () => {
  it('lift ∘ project is the orthogonal projection onto the tangent plane (idempotent)', () => {
    const s = sphere({ n: 50, seed: 6 });
    const f = localFrames(s.points, { k: 8 });
    const r = rng(2);
    const v = matrix(
      50,
      3,
      Float64Array.from({ length: 150 }, () => r.normal()),
    );
    const p1 = liftFromFrames(f, projectToFrames(f, v));
    const p2 = liftFromFrames(f, projectToFrames(f, p1));
    for (let q = 0; q < 150; q++) expect(p2.data[q]).toBeCloseTo(p1.data[q], 13);
    expect(() => projectToFrames(f, matrix(49, 3))).toThrow(ShapeError);
  });
  it('vector heat diffusion smooths a noisy rotation field towards the rotation field', () => {
    const s = sphere({ n: 500, seed: 7 });
    const w = knnGraph(s.points, { k: 10, weights: 'gaussian' });
    const f = localFrames(s.points, { k: 10 });
    const Lc = connectionLaplacian(w, f, { normalized: true });
    const clean = liftFromFrames(f, projectToFrames(f, rotation(s.points)));
    const r = rng(4);
    const noisy = matrix(
      500,
      3,
      clean.data.map((v) => v + 0.5 * r.normal()),
    );
    const smoothed = vectorHeatDiffusion(Lc, f, noisy, 3);
    const err = (m: Matrix) => {
      let e = 0;
      for (let q = 0; q < m.data.length; q++) e += (m.data[q] - clean.data[q]) ** 2;
      return Math.sqrt(e);
    };
    expect(err(smoothed)).toBeLessThan(0.5 * err(liftFromFrames(f, projectToFrames(f, noisy))));
  });
});

describe('rvgp / graphGp', () => {
  it('with noise-free data and all eigenpairs, the posterior mean interpolates the observations', () => {
    const s = sphere({ n: 40, seed: 8 });
    const train = Array.from({ length: 15 }, (_, q) => 2 * q + 1);
    const v = rotation(s.points);
    const obs = matrix(
      15,
      3,
      Float64Array.from({ length: 45 }, (_, q) => v.data[3 * train[Math.floor(q / 3)] + (q % 3)]),
    );
    const model = rvgp(s.points, train, obs, {
      k: 8,
      eigenpairs: 80,
      noise: 1e-10,
      kappa: 1,
      variance: 1,
      optimize: false,
    });
    const p = model.predict(train);
    const target = projectToFrames(
      {
        ...model.frames,
        n: 15,
        data: Float64Array.from(
          { length: 15 * 6 },
          (_, q) => model.frames.data[train[Math.floor(q / 6)] * 6 + (q % 6)],
        ),
      },
      obs,
    );
    // K_mm has condition ≲ 1e4 here: the residual is noise·‖α‖ ≈ 1e-10·1e4
    for (let q = 0; q < 30; q++)
      expect(Math.abs(p.tangent.data[q] - target.data[q])).toBeLessThan(1e-5);
    // the posterior variance at the observed nodes is about the noise level
    for (const v0 of p.variance) expect(v0).toBeLessThan(1e-6);
  });
  it('the log marginal likelihood matches a dense GP computation, in weight space and function space', () => {
    const s = sphere({ n: 80, seed: 9 });
    const r = rng(5);
    for (const [m, k] of [
      [30, 20], // weight space (k < m·d)
      [8, 40], // function space (m·d ≤ k)
    ]) {
      const train = Array.from({ length: m }, (_, q) => q * 2);
      const obs = matrix(
        m,
        3,
        Float64Array.from({ length: 3 * m }, () => r.normal()),
      );
      const h = { kappa: 0.7, variance: 1.3, noise: 0.2 };
      const model = rvgp(s.points, train, obs, { k: 8, eigenpairs: k, ...h, optimize: false });
      // dense: K = U_m S U_mᵀ + σ²I from the model's own basis, log N(y; 0, K)
      const { values, vectors } = model.basis;
      const d = 2;
      const phi = Array.from(values, (l) => (3 / h.kappa ** 2 + Math.max(l, 0)) ** -1.5);
      const c = (h.variance * 80 * d) / phi.reduce((a, b) => a + b, 0);
      const M = m * d;
      const y = projectToFrames(
        {
          ...model.frames,
          n: m,
          data: Float64Array.from(
            { length: m * 6 },
            (_, q) => model.frames.data[train[Math.floor(q / 6)] * 6 + (q % 6)],
          ),
        },
        obs,
      ).data;
      const K = new Float64Array(M * M);
      for (let a = 0; a < M; a++)
        for (let b = 0; b < M; b++) {
          const ra = (train[Math.floor(a / d)] * d + (a % d)) * k;
          const rb = (train[Math.floor(b / d)] * d + (b % d)) * k;
          let v = 0;
          for (let l = 0; l < k; l++) v += vectors[ra + l] * c * phi[l] * vectors[rb + l];
          K[a * M + b] = v + (a === b ? h.noise : 0);
        }
      const e = eigh(matrix(M, M, K));
      let logDet = 0;
      let quad = 0;
      for (let j = 0; j < M; j++) {
        logDet += Math.log(e.values[j]);
        let proj = 0;
        for (let q = 0; q < M; q++) proj += e.vectors.data[q * M + j] * y[q];
        quad += (proj * proj) / e.values[j];
      }
      const ref = -0.5 * quad - 0.5 * logDet - 0.5 * M * Math.log(2 * Math.PI);
      // both sides sum O(M) well-conditioned terms: agreement to ~1e-10 relative
      expect(model.logMarginalLikelihood).toBeCloseTo(ref, 7);
    }
  });
  it('optimizing the hyper-parameters raises the marginal likelihood; bad input throws', () => {
    const s = sphere({ n: 200, seed: 10 });
    const train = Array.from({ length: 60 }, (_, q) => q * 3);
    const v = rotation(s.points);
    const obs = matrix(
      60,
      3,
      Float64Array.from({ length: 180 }, (_, q) => v.data[3 * train[Math.floor(q / 3)] + (q % 3)]),
    );
    const fixed = rvgp(s.points, train, obs, { eigenpairs: 60, optimize: false });
    const fitted = rvgp(s.points, train, obs, {
      eigenpairs: 60,
      basis: fixed.basis,
      frames: fixed.frames,
    });
    expect(fitted.logMarginalLikelihood).toBeGreaterThan(fixed.logMarginalLikelihood);
    expect(() => rvgp(s.points, [0, 0], matrix(2, 3))).toThrow(InvalidArgumentError);
    expect(() => rvgp(s.points, [0, 1], matrix(2, 2))).toThrow(ShapeError);
    expect(() => rvgp(s.points, [0], matrix(1, 3), { nu: -1 })).toThrow(InvalidArgumentError);
    const g = graphGp(
      s.points,
      train,
      Float64Array.from(train, (i) => s.points.data[3 * i + 2]),
      { eigenpairs: 40 },
    );
    expect(g.predict([0]).mean.length).toBe(1);
    expect(() => graphGp(s.points, train, [1, 2])).toThrow(ShapeError);
  });
});

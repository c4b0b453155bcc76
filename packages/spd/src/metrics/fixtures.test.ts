import {
  cholesky,
  EIGH_REFINE_AUTO_RATIO,
  eigh,
  fromRows,
  inverse,
  invSqrtmSym,
  type Matrix,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import means from '../../test/fixtures/means.json' with { type: 'json' };
import fixture from '../../test/fixtures/metrics.json' with { type: 'json' };
import { bwFidelityRoundingBound, congruenceM, frobNorm, relErr } from '../../test/helpers.js';
import {
  affineInvariant,
  buresWasserstein,
  euclidean,
  frechetMean,
  generalizedBuresWasserstein,
  logCholesky,
  logEuclidean,
  type SPDMetric,
} from '../index.js';
import { whitenedEig } from './affine-invariant.js';

const byName: Record<string, SPDMetric> = {
  'affine-invariant': affineInvariant,
  'log-euclidean': logEuclidean,
  'log-cholesky': logCholesky,
  'bures-wasserstein': buresWasserstein,
  euclidean,
};

// Relative tolerance on distances for the well-conditioned regimes: tiny/typical inputs (κ ≤ 30)
// agree with SciPy to ~1e-13.
const distanceTol: Record<string, number> = {
  tiny: 1e-12,
  typical: 1e-11,
};

interface Case {
  regime: string;
  p: number[][];
  q: number[][];
  m: number[][];
  v?: number[][];
  distance: Record<string, number>;
  log?: Record<string, number[][]>;
  exp?: Record<string, number[][]>;
  geodesic?: { t: number } & Record<string, number[][] | number>;
  /** first-order relative condition numbers of each reference (gen_spd.py, mp_condition) */
  condition?: {
    distance: Record<string, number>;
    log?: Record<string, number>;
    geodesic?: Record<string, number>;
  };
}

const cases = fixture.cases as Case[];

function conditionOf(c: Case, what: 'distance' | 'log' | 'geodesic', name: string): number {
  const value = c.condition?.[what]?.[name];
  if (value === undefined) throw new Error(`fixture case lacks condition.${what}['${name}']`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// Tolerances for the ill-conditioned regimes (κ = 1e4 … 1e10; references in mpmath at 50 digits
// from the float64 inputs, so the measured error is the implementation's alone). Each is a
// first-order error bound of the algorithm, never a measured error with a margin:
//
// • backward part. Cholesky, triangular inverse, congruence and eigendecomposition are backward
//   stable: the result is f(P + E, Q + F) with ‖E‖_F ≤ c·ε·‖P‖_F, c = O(n). The relative error is
//   then at most c·ε·cond, cond the relative condition number of f stored with each case
//   (central differences at 50 digits). With c = n plus n·ε for the final sums and products:
//       backward(cond) = n·ε·(n + cond).
//   Measured (AIRM, LCM, LEM without refinement, Euclidean): at most 0.26·ε·cond.
// • log-Euclidean with refinement. @rg/linalg refines the eigenpairs of a spectrum wider than
//   EIGH_REFINE_AUTO_RATIO in double-double (Ogita & Aishima), so eigenvalues carry relative
//   error ~ε and their logs absolute error ~ε: ‖Δ(log P)‖_F ≲ n·ε·‖log P‖_F, independent of κ.
//   Applied only when both spectra are clearly (2×) past the ratio.
// • Bures–Wasserstein. The fidelity F = Σ√μᵢ takes the eigenvalues μ of C = LᵀQL (P = LLᵀ)
//   formed in float64: the product's rounding is |ΔC| ≤ n·ε·|Lᵀ||Q||L| entrywise (first order), so
//   μᵢ moves by ≤ n·ε·wᵢᵀ|Q|wᵢ with wᵢ = |L||uᵢ| (uᵢ the eigenvector) and √μᵢ by that over 2√μᵢ.
//   With d² = tr P + tr Q − 2F:
//       |Δd|/d ≤ backward(cond) + 2·Σᵢ n·ε·wᵢᵀ|Q|wᵢ/(2√μᵢ) / (2d²)
//   (bwFidelityRoundingBound in test/helpers.ts).
//   GBW is BW of the whitened M^{-½}XM^{-½}: the same bound with the whitened matrices.
//   Measured: at most 0.56 of the bound (κ = 1e5); the κ = 1e8 case reaches 46·ε·cond, so the
//   formed product, not the inputs' conditioning, limits BW there. For the log
//   (PQ)^½ + (QP)^½ − 2P with (PQ)^½ = L·C^½·L⁻¹: with ‖Luᵢ‖² ≤ min(‖P‖, μᵢ/λ_min(Q)) each √μᵢ
//   moves by ≤ (n/2)·ε·‖Q‖·min(‖P‖, μᵢ/λ_min(Q))/√μᵢ ≤ (n/4)·ε·√κ·(tr P + tr Q) (largest at
//   μᵢ = ‖P‖λ_min(Q); √(‖P‖‖Q‖) ≤ (tr P + tr Q)/2), n of them, twice (both roots):
//       ‖ΔLog‖_F/‖Log‖_F ≤ backward(cond) + (n²/2)·ε·√κ·(tr P + tr Q)/‖Log‖_F
//   — a model rather than a proof (it takes the similarity by L to add nothing beyond the
//   ‖Luᵢ‖ bound); measured at most 0.2 of it.
//
// The κ = 1e4 … 1e8 cases straddle the AIRM distance's switch from the eigenvalues of the formed
// W·Q·Wᵀ (W = L_P⁻¹) to one-sided Jacobi on W·L_Q, taken at an eigenvalue spread of 1e4 (their
// spreads are 3e7 … 6e12): trusting the formed product up to a spread of 1e8 fails the κ = 1e4
// case (error 3.4e-12, bound 1.0e-12), up to 1e10 or 1e12 the κ = 1e6 case as well (4.6e-9,
// bound 7.0e-11).
// ---------------------------------------------------------------------------------------------

const EPS = Number.EPSILON;

interface Spectrum {
  kappa: number;
  trace: number;
  /** ‖log X‖_F */
  logNorm: number;
}

function spectrum(x: Matrix): Spectrum {
  const values = eigh(x, { vectors: false }).values;
  let logSq = 0;
  let trace = 0;
  for (const v of values) {
    logSq += Math.log(v) ** 2;
    trace += v;
  }
  return { kappa: values[values.length - 1] / values[0], trace, logNorm: Math.sqrt(logSq) };
}

const refined = (s: Spectrum) => s.kappa > 2 * EIGH_REFINE_AUTO_RATIO;

function backward(n: number, cond: number): number {
  return n * EPS * (n + cond);
}

/** The BW log's formed-product term in absolute units (see above). */
function bwLogProductTerm(n: number, a: Spectrum, b: Spectrum): number {
  return (n * n * EPS * Math.sqrt(Math.max(a.kappa, b.kappa)) * (a.trace + b.trace)) / 2;
}

/** Relative tolerance on distance(p, q) for metric `name` (see the derivations above). */
function distanceBound(name: string, c: Case): number {
  const p = fromRows(c.p);
  const n = p.rows;
  const d = c.distance[name];
  const cond = conditionOf(c, 'distance', name);
  const sp = spectrum(p);
  const sq = spectrum(fromRows(c.q));
  if (name === 'log-euclidean' && refined(sp) && refined(sq))
    return n * EPS * (n + (sp.logNorm + sq.logNorm) / d);
  if (name === 'bures-wasserstein')
    return backward(n, cond) + bwFidelityRoundingBound(p, fromRows(c.q)) / (2 * d * d);
  if (name === 'generalized-bures-wasserstein') {
    const mi = invSqrtmSym(fromRows(c.m));
    const term = bwFidelityRoundingBound(congruenceM(mi, p), congruenceM(mi, fromRows(c.q)));
    return backward(n, cond) + term / (2 * d * d);
  }
  return backward(n, cond);
}

/** Relative (Frobenius) tolerance on log(p, q) for metric `name` against the reference `ref`. */
function logBound(name: string, c: Case, ref: Matrix): number {
  const p = fromRows(c.p);
  const n = p.rows;
  const cond = conditionOf(c, 'log', name);
  const sp = spectrum(p);
  const sq = spectrum(fromRows(c.q));
  // refined eigenpairs: logs and the divided differences of exp carry relative error
  // ~ε(1 + |log λ|), and the basis changes (n-term sums) add ~n·ε each
  if (name === 'log-euclidean' && refined(sp) && refined(sq))
    return n * n * EPS * (1 + sp.logNorm + sq.logNorm);
  if (name === 'bures-wasserstein')
    return backward(n, cond) + bwLogProductTerm(n, sp, sq) / frobNorm(ref);
  return backward(n, cond);
}

const metricOf = (name: string, c: Case): SPDMetric =>
  name === 'generalized-bures-wasserstein'
    ? generalizedBuresWasserstein(fromRows(c.m))
    : byName[name];

describe('metrics against NumPy/SciPy and mpmath fixtures', () => {
  for (const c of cases) {
    const p = fromRows(c.p);
    const q = fromRows(c.q);
    const label = `${c.regime}, ${p.rows}×${p.rows}${'cond' in c ? `, κ = ${(c as { cond: number }).cond.toExponential(0)}` : ''}`;
    it(`distance(p, q) matches the reference (${label})`, () => {
      for (const [name, d] of Object.entries(c.distance)) {
        const got = metricOf(name, c).distance(p, q);
        if (c.condition)
          expect(Math.abs(got - d) / d, name).toBeLessThanOrEqual(distanceBound(name, c));
        else
          expect(Math.abs(got - d), name).toBeLessThanOrEqual(
            distanceTol[c.regime] * Math.max(1, d),
          );
      }
    });
    if (c.condition)
      it(`the whitened eigensystem behind AIRM's log, exp and geodesic reproduces the distance (${label})`, () => {
        // whitenedEig(W, Q) with W = L_P⁻¹ gives the eigenvalues of W·Q·Wᵀ that log/exp/geodesic
        // and the Karcher step use; √Σ log²λ is the AIRM distance, so the distance's bound holds
        const n = p.rows;
        const w = inverse(cholesky(p)).data;
        const e = whitenedEig(w, q.data, n);
        let s = 0;
        for (let i = 0; i < n; i++) s += Math.log(e.values[i]) ** 2;
        const d = c.distance['affine-invariant'];
        expect(Math.abs(Math.sqrt(s) - d) / d).toBeLessThanOrEqual(
          distanceBound('affine-invariant', c),
        );
      });
    if (c.log && c.condition) {
      const logs = c.log;
      it(`log(p, q) and the AIRM geodesic match mpmath within their condition-number bounds (${label})`, () => {
        for (const [name, l] of Object.entries(logs)) {
          const ref = fromRows(l);
          expect(relErr(byName[name].log(p, q), ref), name).toBeLessThanOrEqual(
            logBound(name, c, ref),
          );
        }
        const g = c.geodesic as NonNullable<Case['geodesic']>;
        const cond = conditionOf(c, 'geodesic', 'affine-invariant');
        expect(
          relErr(
            affineInvariant.geodesic(p, q, g.t),
            fromRows(g['affine-invariant'] as number[][]),
          ),
        ).toBeLessThanOrEqual(backward(p.rows, cond));
      });
    } else if (c.log) {
      const logs = c.log;
      it(`log(p, q) and exp(p, v) match SciPy's logm/sqrtm/expm/Lyapunov (${c.regime})`, () => {
        for (const [name, l] of Object.entries(logs)) {
          // SciPy's general (Schur-based) sqrtm/logm of non-symmetric products lose ~κ·ε
          expect(relErr(byName[name].log(p, q), fromRows(l))).toBeLessThan(1e-9);
        }
        for (const [name, e] of Object.entries(c.exp as Record<string, number[][]>)) {
          expect(
            relErr(byName[name].exp(p, fromRows(c.v as number[][])), fromRows(e)),
          ).toBeLessThan(1e-11);
        }
      });
    }
  }
});

describe('frechetMean against NumPy/SciPy fixtures', () => {
  for (const c of means.cases) {
    const pts: Matrix[] = c.points.map((x) => fromRows(x));
    it(`means of ${pts.length} ${pts[0].rows}×${pts[0].rows} points match (AIRM via pyRiemann's loop, LEM, LCM, BW fixed point, Euclidean)`, () => {
      for (const [name, m] of Object.entries(c.mean)) {
        const r = frechetMean(pts, byName[name], { weights: c.weights, tol: 1e-11, maxIter: 500 });
        // both sides stop at gradient ≤ 1e-11..1e-12; with κ ≤ 100 the means agree to ~1e-10
        expect(relErr(r.mean, fromRows(m))).toBeLessThan(1e-9);
      }
    });
  }
});

// Error measures of the symmetric accuracy report (test/accuracy.test.ts and
// scripts/accuracy-report.ts). The same code measures our results and NumPy/SciPy's against the
// mpmath (50 digits) reference stored as double-double pairs; products are accumulated in
// double-double (Dekker/Knuth error-free transformations) so the measurement itself adds far
// less than one ulp.
import { readFileSync } from 'node:fs';
import { eigh, logmSym, type Matrix, sqrtmSym, svd } from '../src/index.js';

export type DD = [number, number];

export const EPS = 2.220446049250313e-16;

interface Fixture<C> {
  meta: Record<string, unknown>;
  cases: C[];
}

export interface EighCase {
  name: string;
  regime: string;
  a: Matrix;
  ref: { values: DD[] };
  numpy: { values: number[]; vectors: Matrix };
}

export interface SvdCase {
  name: string;
  regime: string;
  a: Matrix;
  ref: { s: DD[] };
  numpy: { u: Matrix; s: number[]; v: Matrix };
}

export interface FunctionsCase {
  name: string;
  regime: string;
  a: Matrix;
  ref: { logm: DD[]; sqrtm: DD[] };
  scipy: { logm: Matrix; sqrtm: Matrix };
  numpyEigh: { logm: Matrix; sqrtm: Matrix };
}

function load<C>(file: string): C[] {
  const raw = JSON.parse(
    readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8'),
  ) as Fixture<C>;
  const fix = (m: Matrix): Matrix => ({
    rows: m.rows,
    cols: m.cols,
    data: Float64Array.from(m.data),
  });
  for (const c of raw.cases as Record<string, unknown>[]) {
    c.a = fix(c.a as Matrix);
    for (const group of ['numpy', 'scipy', 'numpyEigh'])
      if (c[group])
        for (const [k, v] of Object.entries(c[group] as Record<string, unknown>))
          if (v && typeof v === 'object' && 'data' in (v as object))
            (c[group] as Record<string, unknown>)[k] = fix(v as Matrix);
  }
  return raw.cases;
}

export const loadEighCases = () => load<EighCase>('symmetric-eigh.json');
export const loadSvdCases = () => load<SvdCase>('symmetric-svd.json');
export const loadFunctionsCases = () => load<FunctionsCase>('symmetric-functions.json');

// --- double-double helpers ---
const SPLIT = 134217729; // 2^27 + 1
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, al * bl - (p - ah * bh - al * bh - ah * bl)];
}
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}
/** Σ x_k y_k in double-double, returned as [hi, lo]. */
function dotDD(n: number, x: (k: number) => number, y: (k: number) => number): DD {
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < n; k++) {
    const [p, pe] = twoProd(x(k), y(k));
    const [s, se] = twoSum(hi, p);
    hi = s;
    lo += se + pe;
  }
  return twoSum(hi, lo);
}
/** (x − (hi + lo)) accurately, for x close to hi. */
const diffDD = (x: number, r: DD): number => x - r[0] - r[1];

// --- measures ---
export interface EighErrors {
  /** max_i |λᵢ − λᵢ*| / |λᵢ*| over nonzero λᵢ* */
  valuesRel: number;
  /** max_i |λᵢ − λᵢ*| / ‖A‖₂ */
  valuesAbs: number;
  /** ‖AV − VΛ‖_F / ‖A‖₂ */
  residual: number;
  /** ‖VᵀV − I‖_F */
  orthogonality: number;
}

export function eighErrors(a: Matrix, ref: DD[], values: ArrayLike<number>, v: Matrix): EighErrors {
  const n = a.rows;
  let norm = 0;
  for (const r of ref) norm = Math.max(norm, Math.abs(r[0]));
  const scale = norm === 0 ? 1 : norm;
  let valuesRel = 0;
  let valuesAbs = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.abs(diffDD(values[i], ref[i]));
    valuesAbs = Math.max(valuesAbs, e / scale);
    if (ref[i][0] !== 0) valuesRel = Math.max(valuesRel, e / Math.abs(ref[i][0]));
  }
  let res = 0;
  let orth = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      // (AV)_ij − V_ij λ_j in double-double
      const av = dotDD(
        n + 1,
        (k) => (k < n ? a.data[i * n + k] : -v.data[i * n + j]),
        (k) => (k < n ? v.data[k * n + j] : values[j]),
      );
      res += (av[0] + av[1]) ** 2;
      const g = dotDD(
        n + 1,
        (k) => (k < n ? v.data[k * n + i] : -1),
        (k) => (k < n ? v.data[k * n + j] : i === j ? 1 : 0),
      );
      orth += (g[0] + g[1]) ** 2;
    }
  return { valuesRel, valuesAbs, residual: Math.sqrt(res) / scale, orthogonality: Math.sqrt(orth) };
}

export interface SvdErrors {
  /** max_i |sᵢ − sᵢ*| / sᵢ* over sᵢ* > max(m,n)·ε·s₀* */
  valuesRel: number;
  /** max_i |sᵢ − sᵢ*| / s₀* */
  valuesAbs: number;
  /** ‖AV − UΣ‖_F / s₀* */
  residual: number;
  /** max(‖UᵀU − I‖_F, ‖VᵀV − I‖_F) */
  orthogonality: number;
}

export function svdErrors(
  a: Matrix,
  ref: DD[],
  s: ArrayLike<number>,
  u: Matrix,
  v: Matrix,
): SvdErrors {
  const m = a.rows;
  const n = a.cols;
  const k = ref.length;
  const scale = ref[0][0] === 0 ? 1 : ref[0][0];
  let valuesRel = 0;
  let valuesAbs = 0;
  for (let i = 0; i < k; i++) {
    const e = Math.abs(diffDD(s[i], ref[i]));
    valuesAbs = Math.max(valuesAbs, e / scale);
    // Singular values below max(m,n)·ε·s₀ are zero to working precision (rank deficiency):
    // only their absolute error is meaningful.
    if (ref[i][0] > Math.max(m, n) * EPS * scale) valuesRel = Math.max(valuesRel, e / ref[i][0]);
  }
  let res = 0;
  for (let i = 0; i < m; i++)
    for (let j = 0; j < k; j++) {
      const r = dotDD(
        n + 1,
        (l) => (l < n ? a.data[i * n + l] : -u.data[i * u.cols + j]),
        (l) => (l < n ? v.data[l * v.cols + j] : s[j]),
      );
      res += (r[0] + r[1]) ** 2;
    }
  const orthOf = (q: Matrix): number => {
    let o = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const g = dotDD(
          q.rows + 1,
          (l) => (l < q.rows ? q.data[l * q.cols + i] : -1),
          (l) => (l < q.rows ? q.data[l * q.cols + j] : i === j ? 1 : 0),
        );
        o += (g[0] + g[1]) ** 2;
      }
    return Math.sqrt(o);
  };
  return {
    valuesRel,
    valuesAbs,
    residual: Math.sqrt(res) / scale,
    orthogonality: Math.max(orthOf(u), orthOf(v)),
  };
}

/** ‖X − X*‖_F / ‖X*‖_F (absolute when X* = 0). */
export function relativeFrobenius(x: Matrix, ref: DD[]): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < ref.length; i++) {
    num += diffDD(x.data[i], ref[i]) ** 2;
    den += ref[i][0] ** 2;
  }
  return den === 0 ? Math.sqrt(num) : Math.sqrt(num / den);
}

// --- one table for the report and the test ---
export interface AccuracyRow {
  op: string;
  name: string;
  regime: string;
  measure: string;
  ours: number;
  peer: number;
  peerName: string;
  /** size used for the ulp floor */
  n: number;
  /** ‖A‖₂ / smallest nonzero |λ*| (or s₀/s_min over the singular values kept in valuesRel) */
  kappa: number;
}

function kappaOf(ref: DD[], cutoff: number): number {
  let hi = 0;
  for (const r of ref) hi = Math.max(hi, Math.abs(r[0]));
  let lo = Number.POSITIVE_INFINITY;
  for (const r of ref) if (Math.abs(r[0]) > cutoff * hi) lo = Math.min(lo, Math.abs(r[0]));
  return hi === 0 ? 1 : hi / lo;
}

export function accuracyRows(): AccuracyRow[] {
  const rows: AccuracyRow[] = [];
  for (const c of loadEighCases()) {
    const ours = eigh(c.a);
    const eo = eighErrors(c.a, c.ref.values, ours.values, ours.vectors);
    const en = eighErrors(c.a, c.ref.values, c.numpy.values, c.numpy.vectors);
    for (const k of ['valuesRel', 'valuesAbs', 'residual', 'orthogonality'] as const)
      rows.push({
        op: 'eigh',
        name: c.name,
        regime: c.regime,
        measure: k,
        ours: eo[k],
        peer: en[k],
        peerName: 'numpy.linalg.eigh',
        n: c.a.rows,
        kappa: kappaOf(c.ref.values, 0),
      });
  }
  for (const c of loadSvdCases()) {
    const ours = svd(c.a);
    const eo = svdErrors(c.a, c.ref.s, ours.s, ours.u, ours.v);
    const en = svdErrors(c.a, c.ref.s, c.numpy.s, c.numpy.u, c.numpy.v);
    for (const k of ['valuesRel', 'valuesAbs', 'residual', 'orthogonality'] as const)
      rows.push({
        op: 'svd',
        name: c.name,
        regime: c.regime,
        measure: k,
        ours: eo[k],
        peer: en[k],
        peerName: 'numpy.linalg.svd',
        n: Math.max(c.a.rows, c.a.cols),
        kappa: kappaOf(c.ref.s, Math.max(c.a.rows, c.a.cols) * EPS),
      });
  }
  for (const c of loadFunctionsCases()) {
    for (const [op, fn, refKey] of [
      ['logmSym', logmSym, 'logm'],
      ['sqrtmSym', sqrtmSym, 'sqrtm'],
    ] as const) {
      const ours = relativeFrobenius(fn(c.a), c.ref[refKey]);
      const sp = relativeFrobenius(c.scipy[refKey], c.ref[refKey]);
      const ne = relativeFrobenius(c.numpyEigh[refKey], c.ref[refKey]);
      rows.push({
        op,
        name: c.name,
        regime: c.regime,
        measure: 'relFro',
        ours,
        peer: sp,
        peerName: `scipy.linalg.${refKey}`,
        n: c.a.rows,
        kappa: 1,
      });
      rows.push({
        op,
        name: c.name,
        regime: c.regime,
        measure: 'relFro',
        ours,
        peer: ne,
        peerName: `numpy eigh V f(Λ) Vᵀ`,
        n: c.a.rows,
        kappa: 1,
      });
    }
  }
  return rows;
}

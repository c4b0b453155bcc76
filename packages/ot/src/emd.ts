// Exact optimal transport by the network simplex on the transportation problem
// (Dantzig 1951; spanning-tree bases, block-search pricing and Cunningham's leaving-arc
// rule as in Ahuja, Magnanti & Orlin, "Network Flows", 1993, ch. 11).
import {
  ConvergenceError,
  type IterativeOptions,
  type IterativeResult,
  type Matrix,
  type ProgressInfo,
  checkInteger,
  checkOptions,
  throwIfAborted,
} from '@rg/linalg';
import { type CostInput, checkProblem, total, type Weights } from './problem.js';

/**
 * Options of {@link emd}: the shared iterative options without `tol` (the simplex stops at an
 * exact optimum, with reduced costs compared against 1e−12·max|C|).
 */
export interface EmdOptions extends Omit<IterativeOptions, 'tol'> {
  /** maximum number of simplex pivots (default 100000, as POT's numItermax) */
  maxIter?: number;
  /** throw a ConvergenceError when maxIter is reached before optimality */
  strict?: boolean;
  signal?: AbortSignal;
  /**
   * called every 1024 pivots with `{ iteration, residual }`, residual being the entering arc's
   * violation −(C_ij − f_i − g_j) (a lower bound on the dual infeasibility), and once at the end
   * with the result's residual
   */
  onProgress?: (info: ProgressInfo) => void;
}

/** Result of {@link emd}. */
export interface EmdResult extends IterativeResult {
  /** an optimal plan (n×m) with at most n + m − 1 non-zero entries */
  plan: Matrix;
  /** the optimal transport cost ⟨C, P⟩ */
  cost: number;
  /** dual potentials with f_i + g_j ≤ C_ij everywhere and = on the plan's support */
  potentials: { f: Float64Array; g: Float64Array };
  /** simplex pivots, degenerate ones included */
  iterations: number;
  /** true when no arc has negative reduced cost (the plan is optimal) */
  converged: boolean;
  /** largest dual infeasibility max(0, f_i + g_j − C_ij) at exit (0 at the optimum, up to rounding) */
  residual: number;
}

interface Tree {
  parent: Int32Array;
  parentSlot: Int32Array;
  depth: Int32Array;
  head: Int32Array;
  next: Int32Array;
  prev: Int32Array;
}

/**
 * Initial basic feasible solution by the row-minimum rule: each row ships to its
 * cheapest open columns. Every allocation closes exactly one row or column (the last
 * one both), so the n + m − 1 allocations, zero ones included, form a spanning tree.
 */
function rowMinimumBasis(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  arcRow: Int32Array,
  arcCol: Int32Array,
  flow: Float64Array,
): void {
  const n = a.length;
  const m = b.length;
  const demand = Float64Array.from(b);
  const open = new Uint8Array(m).fill(1);
  let openCount = m;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const o = i * m;
    if (i === n - 1) {
      // The last row takes every column still open, closing all of them.
      for (let j = 0; j < m; j++)
        if (open[j]) {
          arcRow[s] = i;
          arcCol[s] = j;
          flow[s++] = Math.max(demand[j], 0);
        }
      return;
    }
    let supply = a[i];
    for (;;) {
      let best = -1;
      let bc = Number.POSITIVE_INFINITY;
      for (let j = 0; j < m; j++)
        if (open[j] && C[o + j] < bc) {
          bc = C[o + j];
          best = j;
        }
      arcRow[s] = i;
      arcCol[s] = best;
      // Close the column only when it is exhausted first and is not the last open one;
      // otherwise close the row (a tie closes the row and leaves a zero-demand column).
      if (demand[best] < supply && openCount > 1 && supply - demand[best] > 0) {
        flow[s++] = Math.max(demand[best], 0);
        supply -= demand[best];
        demand[best] = 0;
        open[best] = 0;
        openCount--;
      } else {
        flow[s++] = supply;
        demand[best] -= supply;
        break;
      }
    }
  }
}

function link(t: Tree, he: number, node: number): void {
  const h = t.head[node];
  t.next[he] = h;
  t.prev[he] = -1;
  if (h >= 0) t.prev[h] = he;
  t.head[node] = he;
}

function unlink(t: Tree, he: number, node: number): void {
  const p = t.prev[he];
  const q = t.next[he];
  if (p >= 0) t.next[p] = q;
  else t.head[node] = q;
  if (q >= 0) t.prev[q] = p;
}

/** Network simplex on the dense transportation problem; returns the basis and potentials. */
function networkSimplex(
  a: Float64Array,
  b: Float64Array,
  C: Float64Array,
  maxIter: number,
  signal: AbortSignal | undefined,
  onProgress: ((info: ProgressInfo) => void) | undefined,
): {
  arcRow: Int32Array;
  arcCol: Int32Array;
  flow: Float64Array;
  pot: Float64Array;
  iterations: number;
  converged: boolean;
} {
  const n = a.length;
  const m = b.length;
  const N = n + m;
  const S = N - 1;
  const arcRow = new Int32Array(S);
  const arcCol = new Int32Array(S);
  const flow = new Float64Array(S);
  rowMinimumBasis(a, b, C, arcRow, arcCol, flow);
  const t: Tree = {
    parent: new Int32Array(N).fill(-1),
    parentSlot: new Int32Array(N).fill(-1),
    depth: new Int32Array(N),
    head: new Int32Array(N).fill(-1),
    next: new Int32Array(2 * S),
    prev: new Int32Array(2 * S),
  };
  // Half-edge 2s sits at the row end of slot s, 2s + 1 at its column end.
  for (let s = 0; s < S; s++) {
    link(t, 2 * s, arcRow[s]);
    link(t, 2 * s + 1, n + arcCol[s]);
  }
  const pot = new Float64Array(N);
  const stack = new Int32Array(N);
  const other = (he: number): number => ((he & 1) === 0 ? n + arcCol[he >> 1] : arcRow[he >> 1]);
  // Root the tree at row 0 with u_0 = 0 and fill parents, depths and potentials.
  const hang = (
    root: number,
    parentNode: number,
    slot: number,
    depth0: number,
    dRow: number,
    dCol: number,
    reset: boolean,
  ): void => {
    t.parent[root] = parentNode;
    t.parentSlot[root] = slot;
    t.depth[root] = depth0;
    let sp = 0;
    stack[sp++] = root;
    while (sp > 0) {
      const x = stack[--sp];
      if (!reset) pot[x] += x < n ? dRow : dCol;
      const px = t.parentSlot[x];
      for (let he = t.head[x]; he >= 0; he = t.next[he]) {
        const s = he >> 1;
        if (s === px) continue;
        const y = other(he);
        t.parent[y] = x;
        t.parentSlot[y] = s;
        t.depth[y] = t.depth[x] + 1;
        // On a basic arc u_i + v_j = C_ij fixes the child's potential from the parent's.
        if (reset) pot[y] = C[arcRow[s] * m + arcCol[s]] - pot[x];
        stack[sp++] = y;
      }
    }
  };
  pot[0] = 0;
  hang(0, -1, -1, 0, 0, 0, true);

  let maxAbs = 0;
  for (let k = 0; k < C.length; k++) maxAbs = Math.max(maxAbs, Math.abs(C[k]));
  // Reduced costs carry a few ulp of the potentials' size (≤ a few max|C|):
  // anything above −1e-12·max|C| is zero to working precision, not an improving arc.
  const eps = 1e-12 * maxAbs;
  const nm = n * m;
  const block = Math.max(Math.ceil(Math.sqrt(nm)), 10);
  const colPot = pot.subarray(n);
  let pi = 0;
  let pj = 0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    // Block search: scan `block` arcs from where the last scan stopped; take the most
    // negative reduced cost of the first block that has one.
    let best = -eps;
    let bi = -1;
    let bj = -1;
    let count = 0;
    let scanned = 0;
    // Scan row segments so the row's potential and offset stay in registers.
    while (scanned < nm) {
      const base = pi * m;
      const ui = pot[pi];
      const jEnd = Math.min(m, pj + (block - count));
      for (let j = pj; j < jEnd; j++) {
        const rc = C[base + j] - ui - colPot[j];
        if (rc < best) {
          best = rc;
          bi = pi;
          bj = j;
        }
      }
      const took = jEnd - pj;
      scanned += took;
      count += took;
      pj = jEnd;
      if (pj === m) {
        pj = 0;
        if (++pi === n) pi = 0;
      }
      if (count === block) {
        if (bi >= 0) break;
        count = 0;
      }
    }
    if (bi < 0) {
      converged = true;
      break;
    }
    iterations++;
    if ((iterations & 1023) === 0) {
      onProgress?.({ iteration: iterations, residual: -best });
      throwIfAborted('emd', signal);
    }
    const p = bi;
    const q = n + bj;
    let x = p;
    let y = q;
    while (x !== y) {
      if (t.depth[x] > t.depth[y]) x = t.parent[x];
      else if (t.depth[y] > t.depth[x]) y = t.parent[y];
      else {
        x = t.parent[x];
        y = t.parent[y];
      }
    }
    const apex = x;
    // Leaving arc: the blocking arc met last when the cycle is walked from the apex
    // along the entering arc's direction (apex → p → q → apex). On the p side the
    // arcs into a row lose flow; on the q side the arcs out of a column do.
    let theta = Number.POSITIVE_INFINITY;
    let leaveNode = -1;
    let leaveOnQSide = false;
    for (let z = p; z !== apex; z = t.parent[z])
      if (z < n) {
        const fz = flow[t.parentSlot[z]];
        if (fz < theta) {
          theta = fz;
          leaveNode = z;
        }
      }
    for (let z = q; z !== apex; z = t.parent[z])
      if (z >= n) {
        const fz = flow[t.parentSlot[z]];
        if (fz <= theta) {
          theta = fz;
          leaveNode = z;
          leaveOnQSide = true;
        }
      }
    // The q-side scan walks towards the apex, so "≤" keeps the last blocking arc there.
    if (theta > 0) {
      for (let z = p; z !== apex; z = t.parent[z]) flow[t.parentSlot[z]] += z < n ? -theta : theta;
      for (let z = q; z !== apex; z = t.parent[z]) flow[t.parentSlot[z]] += z >= n ? -theta : theta;
    }
    const sOut = t.parentSlot[leaveNode];
    flow[sOut] = 0;
    // Replace the leaving arc's slot by the entering arc.
    unlink(t, 2 * sOut, arcRow[sOut]);
    unlink(t, 2 * sOut + 1, n + arcCol[sOut]);
    arcRow[sOut] = p;
    arcCol[sOut] = bj;
    flow[sOut] = theta;
    link(t, 2 * sOut, p);
    link(t, 2 * sOut + 1, q);
    // The subtree cut off by the leaving arc contains p or q; re-hang it from the
    // entering arc and shift its potentials so the entering arc's reduced cost is 0.
    const inS = leaveOnQSide ? q : p;
    const outS = leaveOnQSide ? p : q;
    const d = best;
    if (leaveOnQSide) hang(inS, outS, sOut, t.depth[outS] + 1, -d, d, false);
    else hang(inS, outS, sOut, t.depth[outS] + 1, d, -d, false);
  }
  return { arcRow, arcCol, flow, pot, iterations, converged };
}

/**
 * Exact optimal transport (earth mover's distance) between histograms `a` and `b`
 * for the cost `cost`, by the network simplex: a spanning-tree basis started by the
 * row-minimum rule, block-search pricing, potentials updated on the re-hung subtree.
 * As POT's `ot.emd`, `b` is rescaled to the mass of `a` (they must agree within 1e−9
 * relative). Zero-mass bins and unequal sizes are fine.
 *
 * @param a - source weights (n)
 * @param b - target weights (m)
 * @param costInput - n×m ground cost, a Matrix or nested rows `cost[i][j]`
 * @param options - `{ maxIter = 100000, strict, signal, onProgress }`
 * @returns `{ plan, cost, potentials: { f, g }, iterations, converged, residual }`
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError} on bad input (see {@link sinkhorn})
 * @throws {ConvergenceError} with `strict: true` when maxIter pivots do not reach optimality
 * @example
 * import { fromRows } from '@rg/linalg';
 * const C = fromRows([[0, 1], [1, 0]]);
 * const r = emd([0.5, 0.5], [0.5, 0.5], C);
 * r.plan // => [[0.5, 0], [0, 0.5]]
 * r.cost // => 0
 * emd([1, 0], [0.5, 0.5], C).cost // => 0.5
 */
export function emd(
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: EmdOptions = {},
): EmdResult {
  return emdAs('emd', a, b, costInput, options);
}

/** {@link emd} with errors naming the public function `fn`. */
function emdAs(
  fn: string,
  a: Weights,
  b: Weights,
  costInput: CostInput,
  options: EmdOptions = {},
): EmdResult {
  checkOptions(fn, 'options', options);
  const p = checkProblem(fn, a, b, costInput);
  // an already-aborted signal must stop before any pivot, not after the first 1024
  throwIfAborted(fn, options.signal);
  const cost = p.cost;
  const maxIter = checkInteger(fn, 'maxIter', options.maxIter ?? 100000, 0);
  const sa = total(p.a);
  const sb = total(p.b);
  const bb = p.b;
  for (let j = 0; j < bb.length; j++) bb[j] *= sa / sb;
  const C = cost.data;
  const r = networkSimplex(p.a, bb, C, maxIter, options.signal, options.onProgress);
  const n = p.n;
  const m = p.m;
  const plan = new Float64Array(n * m);
  let total_ = 0;
  for (let s = 0; s < r.flow.length; s++) {
    const k = r.arcRow[s] * m + r.arcCol[s];
    plan[k] = r.flow[s];
    total_ += r.flow[s] * C[k];
  }
  const f = r.pot.slice(0, n);
  const g = r.pot.slice(n);
  let residual = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < m; j++) residual = Math.max(residual, f[i] + g[j] - C[i * m + j]);
  options.onProgress?.({ iteration: r.iterations, residual });
  if (!r.converged && options.strict)
    throw new ConvergenceError(
      `${fn}(): not optimal after ${r.iterations} pivots (dual infeasibility ${residual.toExponential(2)}); raise maxIter`,
      { iterations: r.iterations, residual },
    );
  return {
    plan: { rows: n, cols: m, data: plan },
    cost: total_,
    potentials: { f, g },
    iterations: r.iterations,
    converged: r.converged,
    residual,
  };
}

/**
 * The optimal transport cost of {@link emd} alone (POT's `ot.emd2`).
 *
 * @returns min over plans of ⟨C, P⟩
 * @throws {ShapeError | NonFiniteError | InvalidArgumentError | ConvergenceError} as {@link emd}
 * @example
 * import { fromRows } from '@rg/linalg';
 * emd2([0.5, 0.5], [0.5, 0.5], fromRows([[0, 2], [2, 0]])) // => 0
 * emd2([1], [0.25, 0.75], fromRows([[1, 3]])) // => 2.5
 * emd2([1], [0.25, 0.75], [[1, 3]]) // => 2.5
 */
export function emd2(a: Weights, b: Weights, cost: CostInput, options: EmdOptions = {}): number {
  return emdAs('emd2', a, b, cost, options).cost;
}

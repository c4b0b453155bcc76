// k-d tree for exact nearest-neighbour and fixed-radius queries in low dimension (Bentley,
// "Multidimensional binary search trees used for associative searching", CACM 18(9), 1975;
// Friedman, Bentley & Finkel, ACM TOMS 3(3), 1977). Splits at the median of the widest
// coordinate down to leaves of LEAF points; queries visit the nearer child first and prune
// with the distance to the splitting plane. Unchecked kernels.

const LEAF = 12;

/** A k-d tree over the rows of a row-major n×d array. */
export interface KdTree {
  n: number;
  d: number;
  points: Float64Array;
  /** point indices, permuted so that every node owns a contiguous range */
  index: Int32Array;
  /** per node: range start, range end, split dimension (−1 for a leaf), split value, children */
  lo: Int32Array;
  hi: Int32Array;
  dim: Int32Array;
  split: Float64Array;
  left: Int32Array;
  right: Int32Array;
}

export function buildKdTree(points: Float64Array, n: number, d: number): KdTree {
  const index = Int32Array.from({ length: n }, (_, i) => i);
  // a node splits only above LEAF points, so every leaf keeps at least ⌈LEAF/2⌉ of them
  const cap = 2 * Math.ceil(n / Math.ceil(LEAF / 2)) + 1;
  const lo = new Int32Array(cap);
  const hi = new Int32Array(cap);
  const dim = new Int32Array(cap);
  const split = new Float64Array(cap);
  const left = new Int32Array(cap);
  const right = new Int32Array(cap);
  let nodes = 0;
  const stack: number[] = [];
  const make = (a: number, b: number): number => {
    const id = nodes++;
    lo[id] = a;
    hi[id] = b;
    dim[id] = -1;
    left[id] = right[id] = -1;
    if (b - a > LEAF) stack.push(id);
    return id;
  };
  if (n > 0) make(0, n);
  while (stack.length) {
    const id = stack.pop() as number;
    const a = lo[id];
    const b = hi[id];
    // widest coordinate over the node's points
    let best = 0;
    let spread = -1;
    for (let c = 0; c < d; c++) {
      let mn = Number.POSITIVE_INFINITY;
      let mx = Number.NEGATIVE_INFINITY;
      for (let p = a; p < b; p++) {
        const v = points[index[p] * d + c];
        if (v < mn) mn = v;
        if (v > mx) mx = v;
      }
      if (mx - mn > spread) {
        spread = mx - mn;
        best = c;
      }
    }
    if (!(spread > 0)) continue; // all points equal: stays a leaf
    const mid = (a + b) >> 1;
    select(points, index, d, best, a, b - 1, mid);
    dim[id] = best;
    split[id] = points[index[mid] * d + best];
    left[id] = make(a, mid);
    right[id] = make(mid, b);
  }
  return { n, d, points, index, lo, hi, dim, split, left, right };
}

/** Quickselect on index[a..b] by coordinate c, so index[k] holds the k-th smallest. */
function select(
  points: Float64Array,
  index: Int32Array,
  d: number,
  c: number,
  a: number,
  b: number,
  k: number,
): void {
  let l = a;
  let r = b;
  while (l < r) {
    const pivot = points[index[(l + r) >> 1] * d + c];
    let i = l;
    let j = r;
    while (i <= j) {
      while (points[index[i] * d + c] < pivot) i++;
      while (points[index[j] * d + c] > pivot) j--;
      if (i <= j) {
        const t = index[i];
        index[i] = index[j];
        index[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}

/**
 * The k nearest points to query point q (a row of the tree's points, excluded from the result)
 * into outIndex/outDist2 (squared distances, ascending). Ties are broken by the smaller index.
 */
export function kdKnn(
  tree: KdTree,
  q: number,
  k: number,
  outIndex: Int32Array,
  outDist2: Float64Array,
  offset: number,
  stack: Int32Array,
): void {
  const { d, points, index, lo, hi, dim, split, left, right } = tree;
  const qo = q * d;
  // a max-heap over the current k best (root = worst)
  const hIdx = outIndex;
  const hD = outDist2;
  const o = offset;
  let size = 0;
  let worst = Number.POSITIVE_INFINITY;
  let sp = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const node = stack[--sp];
    const c = dim[node];
    if (c < 0) {
      for (let p = lo[node]; p < hi[node]; p++) {
        const j = index[p];
        if (j === q) continue;
        const jo = j * d;
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = points[qo + t] - points[jo + t];
          s += diff * diff;
        }
        if (size < k) {
          // sift up
          let i = size++;
          while (i > 0) {
            const parent = (i - 1) >> 1;
            if (!worse(s, j, hD[o + parent], hIdx[o + parent])) break;
            hD[o + i] = hD[o + parent];
            hIdx[o + i] = hIdx[o + parent];
            i = parent;
          }
          hD[o + i] = s;
          hIdx[o + i] = j;
          if (size === k) worst = hD[o];
        } else if (worse(hD[o], hIdx[o], s, j)) {
          // replace the root and sift down
          let i = 0;
          for (;;) {
            const l = 2 * i + 1;
            if (l >= k) break;
            let m = l;
            if (l + 1 < k && worse(hD[o + l + 1], hIdx[o + l + 1], hD[o + l], hIdx[o + l]))
              m = l + 1;
            if (!worse(hD[o + m], hIdx[o + m], s, j)) break;
            hD[o + i] = hD[o + m];
            hIdx[o + i] = hIdx[o + m];
            i = m;
          }
          hD[o + i] = s;
          hIdx[o + i] = j;
          worst = hD[o];
        }
      }
      continue;
    }
    const delta = points[qo + c] - split[node];
    const near = delta < 0 ? left[node] : right[node];
    const far = delta < 0 ? right[node] : left[node];
    // the far side only when the splitting plane is within the current k-th distance
    if (delta * delta <= worst) stack[sp++] = far;
    stack[sp++] = near;
  }
  // heap → ascending order (heap sort in place)
  for (let end = size - 1; end > 0; end--) {
    const td = hD[o];
    const ti = hIdx[o];
    hD[o] = hD[o + end];
    hIdx[o] = hIdx[o + end];
    hD[o + end] = td;
    hIdx[o + end] = ti;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= end) break;
      let m = l;
      if (l + 1 < end && worse(hD[o + l + 1], hIdx[o + l + 1], hD[o + l], hIdx[o + l])) m = l + 1;
      if (!worse(hD[o + m], hIdx[o + m], hD[o + i], hIdx[o + i])) break;
      const sd = hD[o + i];
      const si = hIdx[o + i];
      hD[o + i] = hD[o + m];
      hIdx[o + i] = hIdx[o + m];
      hD[o + m] = sd;
      hIdx[o + m] = si;
      i = m;
    }
  }
}

/** (d1, i1) ranks after (d2, i2): farther, or as far with a larger index. */
function worse(d1: number, i1: number, d2: number, i2: number): boolean {
  return d1 > d2 || (d1 === d2 && i1 > i2);
}

/** Every point j ≠ q with ‖x_j − x_q‖² ≤ r2, appended to `out` as (j, squared distance). */
export function kdRadius(
  tree: KdTree,
  q: number,
  r2: number,
  outIndex: number[],
  outDist2: number[],
  stack: Int32Array,
): void {
  const { d, points, index, lo, hi, dim, split, left, right } = tree;
  const qo = q * d;
  let sp = 0;
  stack[sp++] = 0;
  while (sp > 0) {
    const node = stack[--sp];
    const c = dim[node];
    if (c < 0) {
      for (let p = lo[node]; p < hi[node]; p++) {
        const j = index[p];
        if (j === q) continue;
        const jo = j * d;
        let s = 0;
        for (let t = 0; t < d; t++) {
          const diff = points[qo + t] - points[jo + t];
          s += diff * diff;
        }
        if (s <= r2) {
          outIndex.push(j);
          outDist2.push(s);
        }
      }
      continue;
    }
    const delta = points[qo + c] - split[node];
    if (delta < 0 || delta * delta <= r2) stack[sp++] = left[node];
    if (delta >= 0 || delta * delta <= r2) stack[sp++] = right[node];
  }
}

/** Stack depth sufficient for any query on a tree of n points. */
export function kdStackSize(n: number): number {
  return 2 * (Math.ceil(Math.log2(Math.max(2, n))) + 2) + 8;
}

// Euclidean projections onto the per-player strategy sets, as unchecked kernels on a block
// [o, o + len) of a flat vector. Simplex: sort-and-threshold (Held, Wolfe & Crowder 1974;
// Duchi, Shalev-Shwartz, Singer & Chandra 2008).
import type { StrategySet } from '../strategy-sets.js';

/**
 * out[o..o+len) = Π_set(v[o..o+len)); `scratch` needs length ≥ len for the simplex (sorting)
 * and is unused otherwise. `out` may alias `v`.
 */
export function projectBlock(
  set: StrategySet,
  v: Float64Array,
  o: number,
  len: number,
  out: Float64Array,
  scratch: Float64Array,
): void {
  switch (set.kind) {
    case 'free':
      if (out !== v) for (let i = 0; i < len; i++) out[o + i] = v[o + i];
      return;
    case 'box': {
      const lo = set.lower;
      const hi = set.upper;
      for (let i = 0; i < len; i++) {
        const l = typeof lo === 'number' ? lo : lo[i];
        const h = typeof hi === 'number' ? hi : hi[i];
        const x = v[o + i];
        out[o + i] = Math.min(h, Math.max(l, x));
      }
      return;
    }
    case 'ball': {
      const c = set.center;
      let s = 0;
      for (let i = 0; i < len; i++) {
        const d = v[o + i] - (c ? c[i] : 0);
        s += d * d;
      }
      const r = Math.sqrt(s);
      const f = r > set.radius ? set.radius / r : 1;
      for (let i = 0; i < len; i++) {
        const ci = c ? c[i] : 0;
        out[o + i] = ci + f * (v[o + i] - ci);
      }
      return;
    }
    case 'simplex': {
      const floor = set.floor;
      const mass = set.total - len * floor;
      if (mass <= 0) {
        for (let i = 0; i < len; i++) out[o + i] = floor;
        return;
      }
      const u = scratch.subarray(0, len);
      for (let i = 0; i < len; i++) u[i] = v[o + i] - floor;
      u.sort();
      // u ascending: walk from the largest entry down to find the threshold τ.
      let cum = 0;
      let tau = 0;
      for (let j = 1; j <= len; j++) {
        const uj = u[len - j];
        cum += uj;
        const t = (cum - mass) / j;
        if (uj - t > 0) tau = t;
        else break;
      }
      for (let i = 0; i < len; i++) {
        const w = v[o + i] - floor - tau;
        out[o + i] = floor + Math.max(0, w);
      }
      return;
    }
  }
}

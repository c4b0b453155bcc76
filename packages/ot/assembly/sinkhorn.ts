// The fused sweep of Sinkhorn–Knopp scaling (Cuturi 2013, "Sinkhorn distances") in
// WebAssembly SIMD (f64x2), compiled by AssemblyScript with --runtime stub: no allocation,
// the loader in src/sinkhorn-sweep.ts owns the memory and passes byte offsets.
// The summation order is fixed (see `sweep`) and the TypeScript sweep in
// src/sinkhorn-sweep.ts repeats it operation by operation, so both give identical bits.

/**
 * For each row i of the row-major n×m matrix K at byte offset `k`:
 * s = K_i·v, u_i = a_i / s, then acc += u_i·K_i (acc is not cleared).
 * The dot product keeps four partial sums, one per column residue j mod 4, held in two
 * f64x2 accumulators (lanes j ≡ 0, 1 and j ≡ 2, 3); they are combined as
 * (s₀ + s₂) + (s₁ + s₃), and the m mod 4 trailing columns are then added one by one.
 */
export function sweep(k: usize, v: usize, u: usize, a: usize, acc: usize, n: i32, m: i32): void {
  const rowBytes = (<usize>m) << 3;
  const blockBytes = (<usize>(m & ~3)) << 3;
  for (let i = 0; i < n; i++) {
    const row = k + <usize>i * rowBytes;
    let s01 = f64x2.splat(0);
    let s23 = f64x2.splat(0);
    let j: usize = 0;
    for (; j < blockBytes; j += 32) {
      s01 = f64x2.add(s01, f64x2.mul(v128.load(row + j), v128.load(v + j)));
      s23 = f64x2.add(s23, f64x2.mul(v128.load(row + j, 16), v128.load(v + j, 16)));
    }
    const pair = f64x2.add(s01, s23);
    let s = f64x2.extract_lane(pair, 0) + f64x2.extract_lane(pair, 1);
    for (; j < rowBytes; j += 8) s += load<f64>(row + j) * load<f64>(v + j);
    const ui = load<f64>(a + ((<usize>i) << 3)) / s;
    store<f64>(u + ((<usize>i) << 3), ui);
    const us = f64x2.splat(ui);
    for (j = 0; j < blockBytes; j += 32) {
      const o = acc + j;
      v128.store(o, f64x2.add(v128.load(o), f64x2.mul(us, v128.load(row + j))));
      v128.store(o, f64x2.add(v128.load(o, 16), f64x2.mul(us, v128.load(row + j, 16))), 16);
    }
    for (; j < rowBytes; j += 8) {
      const o = acc + j;
      store<f64>(o, load<f64>(o) + ui * load<f64>(row + j));
    }
  }
}

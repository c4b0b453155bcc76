import { createAccelerator } from '@rg/gpu';
import { csrFromTriplets, matrix } from '@rg/linalg';
import { afterAll, describe, expect, it } from 'vitest';
import { heatKernel, laplacian } from '../index.js';

describe('heatKernel with an accelerator', () => {
  const acc = createAccelerator({ mode: 'cpu' });
  afterAll(() => acc.dispose());
  it('runs the dense Chebyshev filter on the device (float32) and agrees with the float64 path', () => {
    // a ring of 24 nodes with unequal weights
    const n = 24;
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = 1 + 0.5 * Math.sin(i);
      rows.push(i, (i + 1) % n);
      cols.push((i + 1) % n, i);
      vals.push(w, w);
    }
    const L = laplacian(csrFromTriplets(n, n, rows, cols, vals), { normalized: true });
    const opts = { lambdaMax: 2, order: 20 };
    const ref = heatKernel(L, 3, opts);
    const dev = heatKernel(L, 3, { ...opts, accelerator: acc });
    const x = matrix(
      n,
      3,
      Float64Array.from({ length: 3 * n }, (_, q) => Math.cos(q)),
    );
    const a = dev.applyMatrix(x).data;
    const b = ref.applyMatrix(x).data;
    // float32 three-term recurrence: error ≲ K²·(n + 2)·u·Σ|c_k|·max|X|·max(1, ‖L̃‖∞) with
    // K = 20, u = 2⁻²⁴, Σ|c_k| ≤ 1, ‖L̃‖∞ ≤ 3 (the gpu package's kernel bound)
    const bound = 20 * 20 * (n + 2) * 2 ** -24 * 3;
    let worst = 0;
    for (let q = 0; q < a.length; q++) worst = Math.max(worst, Math.abs(a[q] - b[q]));
    expect(worst).toBeLessThan(bound);
    // and it really went through the device: float32 rounding is visible
    expect(worst).toBeGreaterThan(0);
    expect(dev.matrix().rows).toBe(n);
  });
});

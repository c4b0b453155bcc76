import { rng } from '@rg/linalg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSinkhornPass } from './wasm-sinkhorn.js';

describe('createSinkhornPass (WebAssembly SIMD sweep)', () => {
  it('createSinkhornPass(n, m).run() equals the scalar sweep u = a ⊘ Kv, acc += uᵢKᵢ (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 41 }),
        fc.integer(),
        (n, m, seed) => {
          const p = createSinkhornPass(n, m);
          if (!p) return true;
          const r = rng(seed);
          for (let k = 0; k < n * m; k++) p.K[k] = 0.01 + r.uniform();
          for (let j = 0; j < m; j++) p.v[j] = 0.1 + r.uniform();
          for (let i = 0; i < n; i++) p.a[i] = 0.1 + r.uniform();
          for (let j = 0; j < m; j++) p.acc[j] = r.uniform();
          const acc = Float64Array.from(p.acc);
          p.run();
          let err = 0;
          for (let i = 0; i < n; i++) {
            let s = 0;
            for (let j = 0; j < m; j++) s += p.K[i * m + j] * p.v[j];
            const ui = p.a[i] / s;
            err = Math.max(err, Math.abs(p.u[i] - ui) / ui);
            for (let j = 0; j < m; j++) acc[j] += ui * p.K[i * m + j];
          }
          for (let j = 0; j < m; j++) err = Math.max(err, Math.abs(p.acc[j] - acc[j]) / acc[j]);
          // Positive terms summed in a different order: relative error ≤ (m + n)·eps ≈ 2e-14.
          return err < 2e-14;
        },
      ),
      { numRuns: 60 },
    );
  });

  it('createSinkhornPass() is available in Node (WebAssembly SIMD) and declines sizes past 2 GiB', () => {
    expect(createSinkhornPass(3, 3)).not.toBeNull();
    expect(createSinkhornPass(20000, 20000)).toBeNull();
  });
});

// Compile the AssemblyScript kernels (WebAssembly SIMD) in assembly/ and embed each module as
// base64 in src/wasm/kernels.generated.ts (tooling/wasm/build.mjs); they share one memory at
// run time.
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import { buildWasmModules } from '../../../tooling/wasm/build.mjs';

await buildWasmModules({
  asc,
  root: fileURLToPath(new URL('..', import.meta.url)),
  outFile: 'src/wasm/kernels.generated.ts',
  script: 'scripts/build-wasm.mjs',
  modules: [
    {
      entry: 'kernels',
      constant: 'KERNELS_WASM_BASE64',
      what: 'GEMM: packed panels and a 4×4 register tile',
    },
    {
      entry: 'tridiagonal',
      constant: 'TRIDIAGONAL_WASM_BASE64',
      what: 'Householder tridiagonalization and Qᵀ',
    },
    { entry: 'ql', constant: 'QL_WASM_BASE64', what: 'implicit QL with SIMD plane rotations' },
    {
      entry: 'level2',
      constant: 'LEVEL2_WASM_BASE64',
      what: 'matrix-vector products and the symmetry check',
    },
    {
      entry: 'cholesky',
      constant: 'CHOLESKY_WASM_BASE64',
      what: 'row-oriented Cholesky of a matrix or a panel',
    },
    {
      entry: 'qr',
      constant: 'QR_WASM_BASE64',
      what: 'Householder QR of a transposed panel and Qᵀ',
    },
    {
      entry: 'bidiagonal',
      constant: 'BIDIAGONAL_WASM_BASE64',
      what: 'Householder bidiagonalization, U_Bᵀ and V_Bᵀ',
    },
    {
      entry: 'bdsqr',
      constant: 'BDSQR_WASM_BASE64',
      what: 'implicit-shift bidiagonal QR with SIMD rotations',
    },
  ],
});

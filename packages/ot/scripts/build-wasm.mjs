// Compile assembly/sinkhorn.ts (AssemblyScript, WebAssembly SIMD) and embed the module as
// base64 in src/wasm/sinkhorn.generated.ts, so it loads synchronously without fetch
// (tooling/wasm/build.mjs, shared with @rg/linalg).
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';
import { buildWasmModules } from '../../../tooling/wasm/build.mjs';

await buildWasmModules({
  asc,
  root: fileURLToPath(new URL('..', import.meta.url)),
  outFile: 'src/wasm/sinkhorn.generated.ts',
  script: 'scripts/build-wasm.mjs',
  modules: [{ entry: 'sinkhorn', constant: 'SINKHORN_WASM_BASE64', what: 'the Sinkhorn sweep' }],
});

// Benchmarks for @rg/gpu: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { gpuVersion } from '../src/index.js';

const t = measure(() => gpuVersion.length);
report('@rg/gpu', [{ name: '@rg/gpu:version', ours: t.median, peers: {} }]);

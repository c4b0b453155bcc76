// Benchmarks for @rg/diffusion: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { diffusionVersion } from '../src/index.js';

const t = measure(() => diffusionVersion.length);
report('@rg/diffusion', [{ name: '@rg/diffusion:version', ours: t.median, peers: {} }]);

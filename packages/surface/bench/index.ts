// Benchmarks for @rg/surface: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { surfaceVersion } from '../src/index.js';

const t = measure(() => surfaceVersion.length);
report('@rg/surface', [{ name: '@rg/surface:version', ours: t.median, peers: {} }]);

// Benchmarks for @rg/nn: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { nnVersion } from '../src/index.js';

const t = measure(() => nnVersion.length);
report('@rg/nn', [{ name: '@rg/nn:version', ours: t.median, peers: {} }]);

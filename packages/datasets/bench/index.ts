// Benchmarks for @rg/datasets: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { datasetsVersion } from '../src/index.js';

const t = measure(() => datasetsVersion.length);
report('@rg/datasets', [{ name: '@rg/datasets:version', ours: t.median, peers: {} }]);

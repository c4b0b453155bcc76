// Benchmarks for @rg/grassmann: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { grassmannVersion } from '../src/index.js';

const t = measure(() => grassmannVersion.length);
report('@rg/grassmann', [{ name: '@rg/grassmann:version', ours: t.median, peers: {} }]);

// Benchmarks for @rg/spd: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { spdVersion } from '../src/index.js';

const t = measure(() => spdVersion.length);
report('@rg/spd', [{ name: '@rg/spd:version', ours: t.median, peers: {} }]);

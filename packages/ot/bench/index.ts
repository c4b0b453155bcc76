// Benchmarks for @rg/ot: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { otVersion } from '../src/index.js';

const t = measure(() => otVersion.length);
report('@rg/ot', [{ name: '@rg/ot:version', ours: t.median, peers: {} }]);

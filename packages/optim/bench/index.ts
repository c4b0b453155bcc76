// Benchmarks for @rg/optim: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { optimVersion } from '../src/index.js';

const t = measure(() => optimVersion.length);
report('@rg/optim', [{ name: '@rg/optim:version', ours: t.median, peers: {} }]);

// Benchmarks for @rg/hessian: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { hessianVersion } from '../src/index.js';

const t = measure(() => hessianVersion.length);
report('@rg/hessian', [{ name: '@rg/hessian:version', ours: t.median, peers: {} }]);

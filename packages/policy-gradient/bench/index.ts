// Benchmarks for @rg/policy-gradient: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { policyGradientVersion } from '../src/index.js';

const t = measure(() => policyGradientVersion.length);
report('@rg/policy-gradient', [{ name: '@rg/policy-gradient:version', ours: t.median, peers: {} }]);

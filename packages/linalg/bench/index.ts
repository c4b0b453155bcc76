// Benchmarks for @rg/linalg (filled in by the linalg issue).
import { measure, report } from '@rg/bench';
import { rng } from '../src/index.js';

const r = rng(1);
const t = measure(() => r.uniform());
report('@rg/linalg', [{ name: '@rg/linalg:rng.uniform', ours: t.median, peers: {} }]);

// Benchmarks for @rg/spd (filled in below with the NumPy peer).
import { measure, report } from '@rg/bench';
import { identity } from '@rg/linalg';
import { affineInvariant } from '../src/index.js';

const a = identity(16);
const t = measure(() => affineInvariant.distance(a, a));
report('@rg/spd', [{ name: '@rg/spd:affineInvariant.distance:n=16', ours: t.median, peers: {} }]);

// Benchmarks for @rg/games: our time and the ratio against a peer measured in
// the same run. Paste a run's table here when it changes.
import { measure, report } from '@rg/bench';
import { gamesVersion } from '../src/index.js';

const t = measure(() => gamesVersion.length);
report('@rg/games', [{ name: '@rg/games:version', ours: t.median, peers: {} }]);

// Our side of the ill-conditioned accuracy table (docs guide 17): runs eigh, cholesky, logmSym,
// affineInvariant.distance and frechetMean on the matrices of test/fixtures/accuracy/cases.json
// (made by gen_accuracy.py there) and writes ours.json in the current directory for
// `gen_accuracy.py --eval ours.json` to compare against mpmath. What each function promises is stated here, next to the call.
import { readFileSync, writeFileSync } from 'node:fs';
import { cholesky, eigh, fromRows, logmSym, toRows } from '@rg/linalg';
import { affineInvariant, frechetMean } from '@rg/spd';

const PROMISE = {
  eigh: 'normwise backward stable: absolute error ≲ c·n·ε·‖A‖, so small eigenvalues keep only ≈ ε·κ relative accuracy (the default refine "auto" refines semidefinite inputs with spread > 1e4 and n ≤ 32)',
  eighRefine: 'relative error ≈ ε per eigenvalue for definite matrices (Ogita–Aishima refinement)',
  eigvalsOnlyRefine: 'same values as the refined vector path',
  cholesky:
    'backward stable (L Lᵀ = A + E, ‖E‖ ≲ c·n·ε·‖A‖); forward error grows with κ; throws NotPositiveDefiniteError on a non-positive pivot',
  logm: 'through eigh with refinement: relative error near ε·(n + log κ) for SPD input; throws on non-positive eigenvalues',
  distances:
    'relative error below 1e-12 measured at κ = 1e10 (its TSDoc); generalized eigenvalues by Cholesky',
  mean: 'Karcher flow; `gradientNorm` is measured at the returned mean; `converged: false` when float64 cannot reach tol',
};

const fixture = new URL('../test/fixtures/accuracy/cases.json', import.meta.url);
const { cases } = JSON.parse(readFileSync(fixture, 'utf8'));
const attempt = (f) => {
  try {
    return f();
  } catch (e) {
    return `throws ${e.name}`;
  }
};
const out = [];
for (const c of cases) {
  const a = fromRows(c.a);
  const r = { name: c.name, promise: PROMISE };
  r.eigh = attempt(() => Array.from(eigh(a, { refine: false }).values));
  r.eighRefine = attempt(() => Array.from(eigh(a, { refine: true }).values));
  r.eigvalsOnlyRefine = attempt(() => Array.from(eigh(a, { vectors: false, refine: true }).values));
  r.cholesky = attempt(() => toRows(cholesky(a)));
  r.logm = attempt(() => toRows(logmSym(a)));
  const others = (c.others ?? []).map((x) => fromRows(x));
  r.distances = c.others
    ? attempt(() => others.map((o) => affineInvariant.distance(a, o)))
    : attempt(() => [affineInvariant.distance(a, a)]);
  const m = attempt(() => frechetMean([a, ...(others.length ? others : [a])], 'affine-invariant'));
  if (typeof m === 'string') r.mean = m;
  else {
    r.mean = toRows(m.mean);
    r.gradientNorm = m.gradientNorm;
    r.converged = m.converged;
  }
  out.push(r);
}
writeFileSync('ours.json', `${JSON.stringify({ cases: out }, null, 1)}\n`);
console.log(`wrote ours.json (${out.length} cases)`);

// The description of every public export of every @rg package: the kinds of its arguments,
// from which the suite generates valid calls and bad inputs. `npm run lint` fails when a
// runtime export has no line in src/packages/<package>.mjs (draft new lines with `npm run draft`).
//
// Grammar: `name:kind` per parameter in order, `?` for optional; `new ` for a class;
// `()` for no parameters; `value` for a non-function export; `skip: reason` for an export that
// is not called (the reason says why). Kinds: mat, sq, sym, spd, mats, spds, vec, num, pos,
// prob, int, bool, str, rng, fn, opts, any (see src/inputs.mjs).
// When a kind is too coarse for a valid call (a game, an environment, options with required
// fields), the description is an object { call: '<grammar>', valid: { arg: (mod) => value },
// bad?: { arg: [{ label, value, must }] }, mutates?: ['arg'] }: `valid` builds that argument from
// the package's own module (src/cases.mjs parseDescription); `mutates` names the arguments the
// function changes by contract (an `…InPlace` output, a layer a container adopts), which the
// baseline's no-mutation check then skips (say why in a comment on the description).

import * as linalg from './packages/linalg.mjs';
import * as optim from './packages/optim.mjs';
import * as nn from './packages/nn.mjs';
import * as hessian from './packages/hessian.mjs';
import * as spd from './packages/spd.mjs';
import * as ot from './packages/ot.mjs';
import * as gpu from './packages/gpu.mjs';
import * as grassmann from './packages/grassmann.mjs';
import * as games from './packages/games.mjs';
import * as surface from './packages/surface.mjs';
import * as datasets from './packages/datasets.mjs';
import * as diffusion from './packages/diffusion.mjs';
import * as policy_gradient from './packages/policy-gradient.mjs';

export const BY_PACKAGE = {
  linalg: linalg,
  optim: optim,
  nn: nn,
  hessian: hessian,
  spd: spd,
  ot: ot,
  gpu: gpu,
  grassmann: grassmann,
  games: games,
  surface: surface,
  datasets: datasets,
  diffusion: diffusion,
  'policy-gradient': policy_gradient,
};

export const PACKAGES = [
  'linalg',
  'optim',
  'nn',
  'hessian',
  'spd',
  'ot',
  'gpu',
  'grassmann',
  'games',
  'surface',
  'datasets',
  'diffusion',
  'policy-gradient',
];

// Each package's descriptions live in src/packages/<package>.mjs, next to its known failures.
export const DESCRIPTIONS = Object.fromEntries(
  Object.entries(BY_PACKAGE).map(([pkg, m]) => [pkg, m.descriptions]),
);

/** The names described for one package. */
export function describedExports(pkg) {
  return new Set(Object.keys(DESCRIPTIONS[pkg] ?? {}));
}

// Findings of the fuzz suite that are not fixed yet: key → category, reason, and what was
// observed. The suite fails on any finding not listed here and on any listed key that no
// longer fails, so these lists shrink as fixes land. Keys: package:export:argument:bad-value
// (or package:export:baseline). Categories are explained in REASONS.

import { BY_PACKAGE } from './descriptions.mjs';

export const REASONS = {
  untyped: 'untyped error escapes (no typed check of this argument before use)',
  'wrong-name': 'typed error, but the message names another function than the one called',
  silent: 'a bad value is accepted and a result returned',
  'silent-nan': 'a bad value gives NaN/∞ in the result without an error',
  baseline: 'the description is too coarse to build a valid call (the bad-input cases still run)',
  hang: 'no answer within the case time limit (size not guarded before work)',
  mutation: 'the call changed a valid input',
  nondeterministic: 'two identical calls differ',
  allocation: 'allocated past the guard',
  crash: 'the worker died (out of memory)',
};

// Each package's list lives in src/packages/<package>.mjs (knownFailures), next to its descriptions.
export const KNOWN_FAILURES = Object.assign(
  {},
  ...Object.values(BY_PACKAGE).map((m) => m.knownFailures),
);

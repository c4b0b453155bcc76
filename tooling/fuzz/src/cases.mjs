// Turns the description of an export into calls: one baseline call with valid values and one
// call per (argument, bad value), and classifies what each call did.
import { getAllocationLimit } from '@rg/linalg';
import { badValues, validValue } from './inputs.mjs';

/**
 * Parse a description into { ctor, params: [{ name, kind, optional, valid?, bad? }] } or a skip.
 * A description is a string ('new a:mat b?:opts') or an object { call, valid?, bad? } where
 * `valid[arg](mod)` builds the valid value of an argument that its kind cannot (a game, an
 * environment, options with required fields) from the package module, and `bad[arg]` lists extra
 * bad values [{ label, value, must }]. Object-valued bad options (`maxIter: -1`, ...) are merged
 * into the valid options, so they test that one field. `mutates: ['y']` names the arguments a
 * function changes by contract (an `…InPlace` function's output argument): the baseline's
 * no-mutation check skips them.
 */
export function parseDescription(desc) {
  if (typeof desc === 'object' && desc !== null) {
    const d = parseDescription(desc.call);
    if (d.kind === 'call')
      for (const p of d.params) {
        if (desc.valid?.[p.name]) p.valid = desc.valid[p.name];
        if (desc.bad?.[p.name]) p.bad = desc.bad[p.name];
        if (desc.mutates?.includes(p.name)) p.mutates = true;
      }
    return d;
  }
  const text = desc;
  if (text === 'value') return { kind: 'value' };
  if (text.startsWith('skip:')) return { kind: 'skip', reason: text.slice(5).trim() };
  const ctor = text.startsWith('new ');
  const body = (ctor ? text.slice(4) : text).trim();
  const params =
    body === '()' || body === ''
      ? []
      : body.split(/\s+/).map((tok) => {
          const [head, kind] = tok.split(':');
          const optional = head.endsWith('?');
          return { name: optional ? head.slice(0, -1) : head, kind, optional };
        });
  return { kind: 'call', ctor, params };
}

/** Every case of one export, in a fixed order. */
export function casesOf(pkg, name, text) {
  const d = parseDescription(text);
  if (d.kind !== 'call') return [];
  const cases = [{ pkg, name, arg: -1, label: 'baseline', must: false }];
  d.params.forEach((p, i) => {
    for (const b of badOf(p)) cases.push({ pkg, name, arg: i, label: b.label, must: b.must });
  });
  return cases;
}

const badOf = (p) => [...badValues(p.kind, p.optional), ...(p.bad ?? [])];
const isPlain = (v) =>
  v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype;

function argsFor(mod, name, d, arg, label) {
  const args = d.params.map((p) => {
    if (p.valid) return p.valid(mod);
    return p.optional ? undefined : validValue(p.kind, p.name, name);
  });
  if (arg >= 0) {
    const p = d.params[arg];
    const b = badOf(p).find((x) => x.label === label);
    args[arg] =
      p.kind === 'opts' && p.valid && isPlain(b.value) && isPlain(args[arg])
        ? { ...args[arg], ...b.value }
        : b.value;
  }
  // drop trailing undefined optionals so default parameters apply
  while (args.length && args[args.length - 1] === undefined && d.params[args.length - 1].optional)
    args.pop();
  return args;
}

const TIME_KEYS = /time|elapsed|duration|ms$|seconds/i;

/** A canonical, comparable form of a value (Float64Array by value, NaN-safe, cycles cut). */
export function canonical(v, depth = 0, seen = new Set()) {
  if (depth > 6) return '…';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : v;
  if (typeof v === 'function') return '[fn]';
  if (v === null || typeof v !== 'object') return v;
  if (seen.has(v)) return '[cycle]';
  seen.add(v);
  if (ArrayBuffer.isView(v)) return Array.from(v, (x) => (Number.isNaN(x) ? 'NaN' : x));
  if (Array.isArray(v)) return v.slice(0, 2000).map((x) => canonical(x, depth + 1, seen));
  if (v instanceof Map) return canonical([...v.entries()], depth + 1, seen);
  const out = {};
  for (const k of Object.keys(v).sort())
    if (!TIME_KEYS.test(k)) out[k] = canonical(v[k], depth + 1, seen);
  return out;
}

/** True when a (small part of a) result holds NaN or ±Infinity. */
export function hasNonFinite(v, depth = 0, seen = new Set()) {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (v === null || typeof v !== 'object' || depth > 4 || seen.has(v)) return false;
  seen.add(v);
  if (ArrayBuffer.isView(v)) {
    for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return true;
    return false;
  }
  const values = Array.isArray(v) ? v.slice(0, 200) : Object.values(v).slice(0, 50);
  return values.some((x) => hasNonFinite(x, depth + 1, seen));
}

const RG_CODES = new Set([
  'SHAPE',
  'NOT_SYMMETRIC',
  'NOT_POSITIVE_DEFINITE',
  'NON_FINITE',
  'CONVERGENCE',
  'INVALID_ARGUMENT',
  'ABORTED',
  'SINGULAR',
  'ALLOCATION_LIMIT',
]);
const isRgError = (e) => e instanceof Error && RG_CODES.has(e.code);

function call(fnValue, d, args) {
  return d.ctor ? new fnValue(...args) : fnValue(...args);
}

/**
 * Run one case against the module's export; returns null when the behaviour is as wanted,
 * otherwise `{ category, detail }` with category one of untyped, wrong-name, silent,
 * silent-nan, mutation, nondeterministic, baseline, allocation.
 */
export async function runCase(mod, c, text) {
  const d = parseDescription(text);
  const f = mod[c.name];
  const names = [`${c.name}(`, `${c.name}.`, `new ${c.name}`];
  const allocLimit = getAllocationLimit();
  if (c.arg < 0) {
    const args = argsFor(mod, c.name, d, -1);
    const watched = () => args.map((a, i) => (d.params[i]?.mutates ? null : a));
    const before = JSON.stringify(canonical(watched()));
    let r1;
    try {
      r1 = await call(f, d, args);
    } catch (e) {
      return { category: 'baseline', detail: `${e?.name}: ${String(e?.message).slice(0, 160)}` };
    }
    if (process.memoryUsage().arrayBuffers > 4 * allocLimit)
      return { category: 'allocation', detail: `${process.memoryUsage().arrayBuffers} bytes held` };
    if (JSON.stringify(canonical(watched())) !== before)
      return { category: 'mutation', detail: 'a valid input changed' };
    const r2 = await call(f, d, argsFor(mod, c.name, d, -1));
    if (JSON.stringify(canonical(r1)) !== JSON.stringify(canonical(r2)))
      return { category: 'nondeterministic', detail: 'two identical calls differ' };
    return null;
  }
  const args = argsFor(mod, c.name, d, c.arg, c.label);
  let result;
  try {
    result = await call(f, d, args);
  } catch (e) {
    if (!isRgError(e))
      return { category: 'untyped', detail: `${e?.name}: ${String(e?.message).slice(0, 160)}` };
    if (!names.some((n) => e.message.includes(n)))
      return { category: 'wrong-name', detail: e.message.slice(0, 160) };
    return null;
  }
  if (process.memoryUsage().arrayBuffers > 4 * allocLimit)
    return { category: 'allocation', detail: `${process.memoryUsage().arrayBuffers} bytes held` };
  if (c.must) return { category: 'silent', detail: 'returned normally' };
  if (hasNonFinite(result) && c.label !== 'Infinity') {
    // a result that holds ±Infinity by design (a default threshold, a bound) is not a finding
    let baseline;
    try {
      baseline = await call(f, d, argsFor(mod, c.name, d, -1));
    } catch {
      baseline = undefined;
    }
    if (baseline === undefined || !hasNonFinite(baseline))
      return { category: 'silent-nan', detail: 'non-finite values in the result' };
  }
  return null;
}

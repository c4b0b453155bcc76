// Valid and bad argument values for each argument kind of the description table.
// Valid values are small and fixed (so a baseline call is fast and deterministic); bad values
// carry `must`: a call that returns normally on a `must` value is a silent bad result.
import { rng } from '@rg/linalg';

const m = (rows, cols, values) => ({ rows, cols, data: Float64Array.from(values) });

/** A valid value of `kind` for the baseline call; fresh objects on every call. */
export function validValue(kind, name, exportName) {
  switch (kind) {
    case 'mat':
    case 'sq':
      return m(3, 3, [2, -1, 0.5, 1, 3, -2, 0, 1, 4]);
    case 'sym':
      return m(3, 3, [2, -1, 0.5, -1, 3, 1, 0.5, 1, 4]);
    case 'spd':
      return m(3, 3, [4, 1, 0, 1, 3, 1, 0, 1, 2]);
    case 'mats':
      return [m(3, 3, [2, -1, 0.5, 1, 3, -2, 0, 1, 4]), m(3, 3, [1, 0, 0, 0, 2, 0, 0, 0, 3])];
    case 'spds':
      return [m(3, 3, [4, 1, 0, 1, 3, 1, 0, 1, 2]), m(3, 3, [2, 0, 0, 0, 1, 0, 0, 0, 3])];
    case 'syms':
      return [m(3, 3, [2, -1, 0.5, -1, 3, 1, 0.5, 1, 4]), m(3, 3, [1, 0, 0, 0, 2, 0, 0, 0, 3])];
    case 'anymat':
      return m(2, 2, [1, 2, 3, 4]);
    case 'csr':
      return {
        rows: 3,
        cols: 3,
        rowPtr: Int32Array.from([0, 1, 2, 3]),
        colIndex: Int32Array.from([0, 1, 2]),
        values: Float64Array.from([2, 3, 4]),
      };
    case 'op':
      return (x, out) => {
        for (let i = 0; i < x.length; i++) out[i] = (i + 1) * x[i];
        return out;
      };
    case 'vec':
      return Float64Array.from([0.2, 0.3, 0.5]);
    case 'num':
    case 'pos':
    case 'prob':
      return 0.5;
    case 'int':
      return 3;
    case 'bool':
      return true;
    case 'str':
      // the shared validators take the reporting function's name first
      return name === 'fn' ? exportName : undefined;
    case 'rng':
      return rng(1);
    case 'fn':
      return (x, out) => out ?? x;
    default:
      return undefined;
  }
}

const NAN3 = () => m(3, 3, [1, 0, 0, 0, Number.NaN, 0, 0, 0, 1]);
const INF3 = () => m(3, 3, [1, 0, 0, 0, Number.POSITIVE_INFINITY, 0, 0, 0, 1]);
const NEG = () => ({ rows: -1, cols: 0, data: new Float64Array(0) });
const SHORT = () => ({ rows: 3, cols: 3, data: new Float64Array(8) });
const matrixBad = () => [
  { label: 'negative-dims', value: NEG(), must: true },
  { label: 'nan-entry', value: NAN3(), must: true },
  { label: 'inf-entry', value: INF3(), must: true },
  { label: 'data-length', value: SHORT(), must: true },
  { label: 'plain-object', value: {}, must: true },
  { label: 'number', value: 5, must: true },
];

/** Bad values of `kind`; `optional` arguments may accept null/undefined. */
export function badValues(kind, optional) {
  const out = [{ label: 'null', value: null, must: !optional }];
  if (!optional) out.push({ label: 'undefined', value: undefined, must: true });
  switch (kind) {
    case 'mat':
      out.push(...matrixBad());
      break;
    case 'sq':
      out.push(...matrixBad(), {
        label: 'not-square',
        value: m(2, 3, [1, 2, 3, 4, 5, 6]),
        must: true,
      });
      break;
    case 'sym':
      out.push(...matrixBad(), {
        label: 'not-symmetric',
        value: m(2, 2, [1, 2, 0, 1]),
        must: true,
      });
      break;
    case 'spd':
      out.push(
        ...matrixBad(),
        { label: 'not-square', value: m(2, 3, [1, 2, 3, 4, 5, 6]), must: true },
        { label: 'indefinite', value: m(2, 2, [-1, 0, 0, -1]), must: true },
      );
      break;
    case 'anymat':
      out.push(
        { label: 'negative-dims', value: NEG(), must: true },
        { label: 'data-length', value: SHORT(), must: true },
        { label: 'plain-object', value: {}, must: true },
      );
      break;
    case 'csr':
      out.push(
        { label: 'plain-object', value: {}, must: true },
        { label: 'dense-matrix', value: m(2, 2, [1, 0, 0, 1]), must: true },
      );
      break;
    case 'op':
      out.push(
        { label: 'string', value: 'x', must: true },
        { label: 'writes-nan', value: (_x, out) => out.fill(Number.NaN), must: false },
      );
      break;
    case 'mats':
    case 'syms':
    case 'spds':
      out.push(
        { label: 'null-element', value: [null], must: true },
        { label: 'nan-element', value: [NAN3(), NAN3()], must: true },
        { label: 'not-array', value: 5, must: true },
      );
      break;
    case 'vec':
      out.push(
        { label: 'nan-entry', value: Float64Array.from([0.2, Number.NaN, 0.5]), must: false },
        { label: 'string', value: 'abc', must: true },
      );
      break;
    case 'num':
      out.push(
        { label: 'NaN', value: Number.NaN, must: true },
        { label: 'Infinity', value: Number.POSITIVE_INFINITY, must: false },
        { label: 'string', value: '0.5', must: true },
      );
      break;
    case 'pos':
    case 'prob':
      out.push(
        { label: 'NaN', value: Number.NaN, must: true },
        { label: 'Infinity', value: Number.POSITIVE_INFINITY, must: true },
        { label: 'negative', value: -1, must: true },
        { label: 'string', value: '0.5', must: true },
      );
      break;
    case 'int':
      out.push(
        { label: 'NaN', value: Number.NaN, must: true },
        { label: 'negative', value: -1, must: true },
        { label: 'fraction', value: 1.5, must: true },
        { label: 'string', value: '3', must: true },
        // a size that asks for ~1e10 entries: refused by the guard, never hours of work
        { label: 'huge', value: 1e5, must: false },
      );
      break;
    case 'fn':
      out.push(
        { label: 'string', value: 'x', must: true },
        { label: 'returns-nan', value: () => Number.NaN, must: false },
      );
      break;
    case 'rng':
      out.push({ label: 'plain-object', value: {}, must: true });
      break;
    case 'opts':
      out.push(
        { label: 'number', value: 5, must: false },
        { label: 'maxIter-negative', value: { maxIter: -1 }, must: false },
        { label: 'maxIter-fraction', value: { maxIter: 1.5 }, must: false },
        { label: 'tol-NaN', value: { tol: Number.NaN }, must: false },
      );
      break;
    case 'str':
      out.push({ label: 'number', value: 5, must: false });
      break;
    default:
      out.push(
        { label: 'NaN', value: Number.NaN, must: false },
        { label: 'plain-object', value: {}, must: false },
      );
  }
  return out;
}

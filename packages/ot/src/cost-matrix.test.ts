import { fromRows, InvalidArgumentError, NonFiniteError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import { costMatrix } from './index.js';

describe('costMatrix', () => {
  const x = [
    [0, 0],
    [1, 2],
  ];
  const y = [
    [3, 4],
    [1, 0],
    [-1, 1],
  ];
  it('costMatrix(x, y, metric) gives the pairwise distances for each built-in metric', () => {
    expect(Array.from(costMatrix(x, y).data)).toEqual([25, 1, 2, 8, 4, 5]);
    expect(Array.from(costMatrix(x, y, 'euclidean').data)).toEqual([
      5,
      1,
      Math.SQRT2,
      Math.sqrt(8),
      2,
      Math.sqrt(5),
    ]);
    expect(Array.from(costMatrix(x, y, 'cityblock').data)).toEqual([7, 1, 2, 4, 2, 3]);
  });
  it('costMatrix(x, y, fn) calls the function on each pair and accepts Matrix input', () => {
    const c = costMatrix(fromRows(x), fromRows(y), (p, q) => p[0] * q[1]);
    expect(c.rows).toBe(2);
    expect(Array.from(c.data)).toEqual([0, 0, 0, 4, 0, 1]);
  });
  it('costMatrix() validates shapes, metric and values', () => {
    expect(() => costMatrix(x, [[1, 2, 3]])).toThrow(ShapeError);
    expect(() => costMatrix([], y)).toThrow(ShapeError);
    expect(() => costMatrix(x, y, 'cosine' as 'euclidean')).toThrow(InvalidArgumentError);
    expect(() => costMatrix([[0, Number.NaN]], y)).toThrow(NonFiniteError);
    expect(() => costMatrix(x, y, () => Number.NaN)).toThrow(InvalidArgumentError);
  });
});

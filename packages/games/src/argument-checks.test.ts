import { fromRows, InvalidArgumentError, ShapeError } from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  ballSet,
  bilinearGame,
  boxSet,
  coupledBilevelToy,
  euclideanMonotonicity,
  lvHba,
  matrixGame,
  quadraticGame,
  simplexSet,
  smallGainCertificate,
} from '../src/index.js';

// Fuzz findings (issue #15): null options and null bounds raised plain TypeErrors.
describe('null arguments are typed errors naming the called function', () => {
  const game = () =>
    quadraticGame({
      blocks: [
        [fromRows([[2]]), fromRows([[1]])],
        [fromRows([[-1]]), fromRows([[2]])],
      ],
      b: [[-3], [1]],
    });
  it('options = null', () => {
    const a = fromRows([[1]]);
    const cases: [() => unknown, string][] = [
      [() => bilinearGame(a, null as never), 'bilinearGame'],
      [() => matrixGame(a, a, null as never), 'matrixGame'],
      [() => simplexSet(null as never), 'simplexSet'],
      [() => smallGainCertificate(game(), undefined, null as never), 'smallGainCertificate'],
      [() => euclideanMonotonicity(game(), undefined, null as never), 'euclideanMonotonicity'],
      [() => lvHba(coupledBilevelToy(2).problem, null as never), 'lvHba'],
    ];
    for (const [f, name] of cases) {
      expect(f).toThrow(InvalidArgumentError);
      expect(f).toThrow(new RegExp(`^${name}\\(\\): options`));
    }
  });
  it('null or undefined bounds and centers', () => {
    expect(() => boxSet(null as never, 1)).toThrow(ShapeError);
    expect(() => boxSet(0, undefined as never)).toThrow(/^boxSet\(\): upper/);
    expect(() => ballSet(1, null as never)).toThrow(/^ballSet\(\): center/);
  });
});

import {
  csrFromTriplets,
  fromRows,
  InvalidArgumentError,
  NonFiniteError,
  ShapeError,
} from '@rg/linalg';
import { describe, expect, it } from 'vitest';
import {
  alphaDecayKernel,
  connectionLaplacian,
  diffusionMap,
  gbmLogNormalMarginal,
  gbmReverseSample,
  gbmScore,
  graphGp,
  heatChebyshevCoefficients,
  heatGeodesicDistances,
  heatGeodesicEmbedding,
  heatKernel,
  isomap,
  knnGraph,
  laplacian,
  localFrames,
  mmd,
  multiplicativeDsmLoss,
  nearestNeighbors,
  rvgp,
  sCurve,
  selectDiffusionTime,
  smacof,
  sphere,
  swissRoll,
  torus,
  vectorHeatDiffusion,
} from '../src/index.js';

// Fuzz findings (issue #15): options = null raised plain TypeErrors, vectorHeatDiffusion's
// errors named projectToFrames()/heatKernel(), a score returning NaN or a number was trusted.
const pts = fromRows(
  Array.from({ length: 16 }, (_, i) => [Math.cos(i / 3), Math.sin(i / 3), i / 10]),
);
const w = () => knnGraph(pts, { k: 4 });
const frames = () => localFrames(pts, { k: 6, dim: 2 });

describe('options = null is a typed error naming the called function', () => {
  const nul = null as never;
  const cases: [string, () => unknown][] = [
    ['alphaDecayKernel', () => alphaDecayKernel(pts, nul)],
    ['knnGraph', () => knnGraph(pts, nul)],
    ['laplacian', () => laplacian(w(), nul)],
    ['nearestNeighbors', () => nearestNeighbors(pts, nul)],
    ['heatChebyshevCoefficients', () => heatChebyshevCoefficients(1, 2, nul)],
    ['heatKernel', () => heatKernel(laplacian(w()), 1, nul)],
    ['diffusionMap', () => diffusionMap(pts, nul)],
    ['selectDiffusionTime', () => selectDiffusionTime(laplacian(w()), nul)],
    ['heatGeodesicDistances', () => heatGeodesicDistances(pts, nul)],
    ['heatGeodesicEmbedding', () => heatGeodesicEmbedding(pts, nul)],
    ['isomap', () => isomap(pts, nul)],
    [
      'smacof',
      () =>
        smacof(
          fromRows([
            [0, 1],
            [1, 0],
          ]),
          nul,
        ),
    ],
    ['sphere', () => sphere(nul)],
    ['torus', () => torus(nul)],
    ['sCurve', () => sCurve(nul)],
    ['swissRoll', () => swissRoll(nul)],
    ['connectionLaplacian', () => connectionLaplacian(w(), frames(), nul)],
    ['localFrames', () => localFrames(pts, nul)],
    ['graphGp', () => graphGp(pts, [0, 5], Float64Array.of(1, 2), nul)],
    [
      'rvgp',
      () =>
        rvgp(
          pts,
          [0, 5],
          fromRows([
            [1, 0, 0],
            [0, 1, 0],
          ]),
          nul,
        ),
    ],
    ['mmd', () => mmd(fromRows([[0]]), fromRows([[1]]), nul)],
  ];
  for (const [name, f] of cases)
    it(name, () => {
      expect(f).toThrow(InvalidArgumentError);
      expect(f).toThrow(new RegExp(`^${name}\\(\\): options`));
    });
});

describe('vectorHeatDiffusion names itself', () => {
  const w2 = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
  const fr = {
    n: 2,
    ambientDim: 2,
    dim: 1,
    data: Float64Array.of(0, 1, -0.6, 0.8),
    explained: Float64Array.of(1, 1),
  };
  const lc = connectionLaplacian(w2, fr);
  it('for bad vectors, t and options', () => {
    expect(() =>
      vectorHeatDiffusion(
        lc,
        fr,
        fromRows([
          [0, 1, 2],
          [0, 1, 2],
        ]),
        1,
      ),
    ).toThrow(/^vectorHeatDiffusion\(\): vectors must be 2×2/);
    expect(() => vectorHeatDiffusion(lc, fr, null as never, 1)).toThrow(/^vectorHeatDiffusion\(\)/);
    expect(() =>
      vectorHeatDiffusion(
        lc,
        fr,
        fromRows([
          [0, 1],
          [0, 1],
        ]),
        Number.NaN,
      ),
    ).toThrow(/^vectorHeatDiffusion\(\): t/);
    expect(() =>
      vectorHeatDiffusion(
        lc,
        fr,
        fromRows([
          [0, 1],
          [0, 1],
        ]),
        1,
        null as never,
      ),
    ).toThrow(/^vectorHeatDiffusion\(\): options/);
  });
});

describe('a score callback is checked before its values are used', () => {
  const x = fromRows([[1.5, 1.2]]);
  it('gbmReverseSample refuses a number, a wrong shape and NaN entries', () => {
    const opts = { T: 1, steps: 4, method: 'ode' as const };
    expect(() => gbmReverseSample(() => Number.NaN as never, x, opts)).toThrow(ShapeError);
    expect(() => gbmReverseSample(() => fromRows([[1]]), x, opts)).toThrow(
      /^gbmReverseSample\(\): score returned 1 × 1, not 1 × 2/,
    );
    expect(() => gbmReverseSample(() => fromRows([[Number.NaN, 0]]), x, opts)).toThrow(
      NonFiniteError,
    );
    // a valid score still runs
    const out = gbmReverseSample((y, t) => gbmScore(y, y, t), x, opts);
    expect(out.data.every((v) => v > 0)).toBe(true);
  });
  it('multiplicativeDsmLoss refuses a NaN score instead of returning NaN', () => {
    const z = fromRows([[0.3, -1]]);
    expect(() => multiplicativeDsmLoss(() => fromRows([[Number.NaN, 0]]), x, 0.5, z)).toThrow(
      /^multiplicativeDsmLoss\(\): score returned NaN/,
    );
  });
  it('gbmLogNormalMarginal refuses missing data', () => {
    expect(() => gbmLogNormalMarginal(null as never, 1)).toThrow(/^gbmLogNormalMarginal\(\): data/);
    expect(() => gbmLogNormalMarginal({ logMean: [0] } as never, 1)).toThrow(ShapeError);
  });
});

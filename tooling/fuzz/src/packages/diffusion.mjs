// @rg/diffusion: the description of each public export (grammar in ../descriptions.mjs) and the
// findings not fixed yet (categories in ../known-failures.mjs). Remove a finding when its fix lands.

const m = (rows, cols, values) => ({ rows, cols, data: Float64Array.from(values) });
// 16 points on a helix in ℝ³: enough for the default k = 10 neighbours and 2-D local frames
const helix = () =>
  m(
    16,
    3,
    Array.from({ length: 48 }, (_, q) => {
      const i = Math.floor(q / 3);
      return [Math.cos(i / 3), Math.sin(i / 3), i / 10][q % 3];
    }),
  );
const graph = (mod) => mod.knnGraph(helix(), { k: 4 });
const lap = (mod) => mod.laplacian(graph(mod), { normalized: true });
const frames = (mod) => mod.localFrames(helix(), { k: 6, dim: 2 });
// the distance matrix of five points on a line at 0, 1, 3, 4, 7
const lineDistances = () => {
  const x = [0, 1, 3, 4, 7];
  return m(
    5,
    5,
    x.flatMap((a) => x.map((b) => Math.abs(a - b))),
  );
};
const positive2 = () => m(2, 2, [1.5, 1.2, 0.8, 2]);
const noise2 = () => m(2, 2, [0.3, -1, 2, 0.1]);
const times2 = () => Float64Array.from([0.5, 1]);
// the transition score from each state to itself (any positive batch)
const gbmScoreFn = (mod) => (x, t) => mod.gbmScore(x, x, t);
const networkOptions = () => ({ dim: 2, hidden: 4, blocks: 0, timeDim: 4 });
const train = () => [0, 3, 6, 9, 12, 15];

export const descriptions = {
  alphaDecayKernel: { call: 'x:mat options?:opts', valid: { x: helix } },
  knnGraph: { call: 'x:mat options?:opts', valid: { x: helix } },
  laplacian: { call: 'w:any options?:opts', valid: { w: graph } },
  nearestNeighbors: { call: 'x:mat options?:opts', valid: { x: helix } },
  scaledBesselI: 'order:int x:num',
  heatChebyshevCoefficients: 't:num lambdaMax:num options?:opts',
  MAX_CHEBYSHEV_ORDER: 'value',
  HEAT_EXACT_MAX_N: 'value',
  heatKernel: { call: 'l:any t:num options?:opts', valid: { l: lap } },
  classicalMds: { call: 'd:mat dims?:int', valid: { d: lineDistances } },
  diffusionMap: { call: 'x:mat options?:opts', valid: { x: helix } },
  selectDiffusionTime: { call: 'lap:any options?:opts', valid: { lap } },
  heatGeodesicDistances: { call: 'x:mat options?:opts', valid: { x: helix } },
  heatGeodesicEmbedding: { call: 'x:mat options?:opts', valid: { x: helix } },
  isomap: { call: 'x:mat options?:opts', valid: { x: helix } },
  shortestPathDistances: { call: 'lengths:any', valid: { lengths: graph } },
  smacof: { call: 'd:mat options?:opts', valid: { d: lineDistances } },
  sphere: 'options?:opts',
  torus: 'options?:opts',
  sCurve: 'options?:opts',
  swissRoll: 'options?:opts',
  connectionLaplacian: { call: 'w:any frames:any options?:opts', valid: { w: graph, frames } },
  localFrames: { call: 'x:mat options?:opts', valid: { x: helix } },
  // train: node indices; values: one per training node
  graphGp: {
    call: 'points:mat train:any values:vec options?:opts',
    valid: {
      points: helix,
      train,
      values: () => Float64Array.from(train(), (i) => Math.sin(i / 5)),
    },
  },
  rvgp: {
    call: 'points:mat train:any vectors:mat options?:opts',
    valid: {
      points: helix,
      train,
      vectors: () =>
        m(
          6,
          3,
          Array.from({ length: 18 }, (_, q) => Math.sin(q)),
        ),
    },
  },
  liftFromFrames: {
    call: 'frames:any coords:mat',
    valid: {
      frames,
      coords: () =>
        m(
          16,
          2,
          Array.from({ length: 32 }, (_, q) => Math.cos(q)),
        ),
    },
  },
  projectToFrames: {
    call: 'frames:any vectors:mat',
    valid: {
      frames,
      vectors: () =>
        m(
          16,
          3,
          Array.from({ length: 48 }, (_, q) => Math.cos(q)),
        ),
    },
  },
  vectorHeatDiffusion: {
    call: 'lc:any frames:any vectors:mat t:num options?:opts',
    valid: {
      lc: (mod) => mod.connectionLaplacian(graph(mod), frames(mod)),
      frames,
      vectors: () =>
        m(
          16,
          3,
          Array.from({ length: 48 }, (_, q) => Math.cos(q)),
        ),
    },
  },
  // t: one time per row of the data (or a number)
  gbmForward: {
    call: 'x0:mat t:vec z:mat options?:opts',
    valid: { x0: positive2, t: times2, z: noise2 },
  },
  gbmLogDensity: {
    call: 'x:mat x0:mat t:vec options?:opts',
    valid: { x: positive2, x0: positive2, t: times2 },
  },
  gbmLogNormalMarginal: {
    call: 'data:any t:pos options?:opts',
    valid: { data: () => ({ logMean: [0, 0.5], logVar: [0.36, 0.25] }) },
  },
  gbmParameters: 'options?:opts fn?:str',
  gbmScore: {
    call: 'x:mat x0:mat t:vec options?:opts',
    valid: { x: positive2, x0: positive2, t: times2 },
  },
  multiplicativeDsmLoss: {
    call: 'score:fn x0:mat t:vec z:mat options?:opts',
    valid: { score: gbmScoreFn, x0: positive2, t: times2, z: noise2 },
  },
  mmd: 'x:mat y:mat options?:opts',
  additiveDiffusion: { call: 'options:opts', valid: { options: networkOptions } },
  diffusionModelFromJSON: {
    call: 'json:str',
    valid: { json: (mod) => JSON.stringify(mod.additiveDiffusion(networkOptions())) },
  },
  multiplicativeDiffusion: { call: 'options:opts', valid: { options: networkOptions } },
  gbmReverseSample: {
    call: 'score:fn xT:mat options:opts',
    valid: {
      score: gbmScoreFn,
      xT: positive2,
      options: () => ({ T: 1, steps: 10, method: 'ode' }),
    },
  },
  scoreNetwork: { call: 'options:opts', valid: { options: networkOptions } },
};

export const knownFailures = {};

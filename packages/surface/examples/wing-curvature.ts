// Curvature features over a swept, tapered, twisted wing sampled as a CFD-like surface grid
// (the geometric inputs of "Incorporating Riemannian Geometric Features for Learning
// Coefficient of Pressure Distributions on Airplane Wings"; do Carmo 1976 for the formulas).
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import {
  eulerCharacteristic,
  gridFeatures,
  gridMesh,
  meshGaussianCurvature,
  sampleGrid,
  wingSurface,
} from '../src/index.js';

const WING = {
  airfoil: '2412',
  semiSpan: 4,
  rootChord: 1.5,
  taperRatio: 0.4,
  sweep: 30,
  twist: -3,
  dihedral: 4,
};

export default defineExample({
  title: 'Curvature features over a wing',
  description:
    'A NACA 2412 wing (semi-span 4, root chord 1.5, taper 0.4, 30° leading-edge sweep, 3° washout, 4° dihedral) sampled on a periodic chordwise × spanwise grid; metric, Christoffel symbols and curvatures at every node by order-4 finite differences, with Gauss–Bonnet checked on the triangulated grid.',
  run(ctx) {
    const nu = ctx.quick ? 64 : 160;
    const nv = ctx.quick ? 12 : 40;
    const wing = wingSurface(WING);
    const grid = sampleGrid(wing, {
      nu,
      nv,
      uRange: [0, 2 * Math.PI],
      vRange: [0, 1],
      periodicU: true,
    });
    ctx.progress(0.2, 'features');
    const t0 = performance.now();
    const f = gridFeatures(grid);
    const featureMs = performance.now() - t0;

    // planform of the upper surface (u in (π, 2π)), coloured by log10 |H|
    const dots: { x: number; y: number; logH: number }[] = [];
    let hMin = Number.POSITIVE_INFINITY;
    let hMax = 0;
    for (let i = 0; i < nu; i++) {
      const u = i * grid.du;
      if (u <= Math.PI || i === 0) continue;
      for (let j = 0; j < nv; j++) {
        const k = i * nv + j;
        const h = Math.abs(f.meanCurvature[k]);
        hMin = Math.min(hMin, h);
        hMax = Math.max(hMax, h);
        dots.push({ x: f.point[3 * k], y: f.point[3 * k + 1], logH: Math.log10(h) });
      }
    }
    const lo = Math.floor(Math.log10(hMin) * 2) / 2;
    const hi = Math.ceil(Math.log10(hMax) * 2) / 2;
    // a colour bar drawn with the same scale, below the planform
    const bar = Array.from({ length: 41 }, (_, k) => ({
      x1: (3 * k) / 41,
      x2: (3 * (k + 1)) / 41,
      y1: -0.75,
      y2: -0.5,
      logH: lo + ((hi - lo) * (k + 0.5)) / 41,
    }));
    const ticks = [lo, (lo + hi) / 2, hi].map((v) => ({ x: (3 * (v - lo)) / (hi - lo), v }));
    const planform = plotToSVG({
      width: 720,
      height: 620,
      aspectRatio: 1,
      x: { label: 'x (streamwise)' },
      y: { label: 'y (span)', domain: [-1.3, 4.1], ticks: [0, 1, 2, 3, 4] },
      color: { type: 'linear', scheme: 'viridis', domain: [lo, hi] },
      marks: [
        Plot.dot(dots, { x: 'x', y: 'y', fill: 'logH', r: ctx.quick ? 3 : 1.6, stroke: null }),
        Plot.rect(bar, { x1: 'x1', x2: 'x2', y1: 'y1', y2: 'y2', fill: 'logH' }),
        Plot.text(ticks, {
          x: 'x',
          y: -0.9,
          text: (d: { v: number }) => `${d.v.toFixed(1)}`,
          fontSize: 11,
        }),
        Plot.text([{ x: 1.5, y: -1.15 }], {
          x: 'x',
          y: 'y',
          text: () => 'log₁₀ |H|, mean curvature in 1/length (upper surface)',
          fontSize: 11,
        }),
      ],
    });

    // chordwise distributions at root, mid-span and tip, leaving out the trailing-edge
    // crease and the nodes whose stencils reach across it
    ctx.progress(0.6, 'sections');
    const hRows: { xc: number; value: number; series: string }[] = [];
    const kRows: { xc: number; value: number; series: string }[] = [];
    const stations = [0, Math.floor((nv - 1) / 2), nv - 1];
    for (const j of stations) {
      const le = f.point[3 * (Math.round(nu / 2) * nv + j)];
      const te = f.point[3 * j];
      for (let i = 3; i <= nu - 3; i++) {
        const k = i * nv + j;
        const surf = i * grid.du > Math.PI ? 'upper' : 'lower';
        const xc = (f.point[3 * k] - le) / (te - le);
        const series = `${surf}, y = ${f.point[3 * k + 1].toFixed(1)}`;
        hRows.push({ xc, value: Math.abs(f.meanCurvature[k]), series });
        kRows.push({ xc, value: f.gaussianCurvature[k], series });
      }
    }
    const sectionPlot = (rows: typeof hRows, y: Record<string, unknown>) =>
      plotToSVG({
        width: 720,
        height: 400,
        x: { label: 'x/c', domain: [0, 1] },
        y: { grid: true, ...y },
        color: { legend: true },
        marks: [Plot.line(rows, { x: 'xc', y: 'value', stroke: 'series', sort: 'xc' })],
      });
    const sectionH = sectionPlot(hRows, { type: 'log', label: '|H| (1/length)' });
    const sectionK = sectionPlot(kRows, { label: 'Gaussian curvature K (1/length²)' });

    // discrete Gauss–Bonnet on the triangulated grid: a tube open at root and tip has χ = 0
    ctx.progress(0.8, 'Gauss–Bonnet');
    const mesh = gridMesh(grid);
    const chi = eulerCharacteristic(mesh);
    const gb = meshGaussianCurvature(mesh);
    let totalK = 0;
    for (let k = 0; k < nu * nv; k++)
      totalK += f.gaussianCurvature[k] * f.areaElement[k] * grid.du * grid.dv;
    const le = Math.round(nu / 2) * nv + Math.floor((nv - 1) / 2);
    const mid = Math.round((3 * nu) / 4) * nv + Math.floor((nv - 1) / 2);
    const table = [
      { quantity: 'grid (chordwise × spanwise)', value: `${nu} × ${nv}` },
      { quantity: 'gridFeatures time, ms', value: Math.round(featureMs * 10) / 10 },
      { quantity: 'max |H| (leading edge, 1/length)', value: hMax },
      { quantity: 'H at mid-span leading edge', value: f.meanCurvature[le] },
      { quantity: 'H at mid-span, 50 % chord, upper', value: f.meanCurvature[mid] },
      { quantity: 'K at mid-span leading edge', value: f.gaussianCurvature[le] },
      {
        quantity: 'max |R₁₂₁₂/det g − K| / (1 + |K|), nodes off the crease (Theorema Egregium)',
        value: maxEgregium(f, nv, 3, nu - 2),
      },
      {
        quantity: 'the same on the trailing-edge crease (near-singular metric)',
        value: maxEgregium(f, nv, 0, 1),
      },
      { quantity: 'Euler characteristic of the triangulated grid', value: chi },
      {
        quantity: 'Σ angle defects − 2πχ (discrete Gauss–Bonnet)',
        value: gb.total - 2 * Math.PI * chi,
      },
      { quantity: '∫∫ K dA from the grid features (crease included)', value: totalK },
    ];
    return {
      figures: [
        {
          name: 'wing-curvature',
          title: 'Mean-curvature magnitude over the upper surface of the wing (planform view)',
          svg: planform,
          caption: `${nu} × ${nv} grid, order-4 stencils; the leading edge (|H| ≈ ${hMax.toExponential(1)}) stands out against the nearly flat aft upper surface.`,
        },
        {
          name: 'wing-curvature-section',
          title: 'Mean-curvature magnitude along the chord at root, mid-span and tip',
          svg: sectionH,
        },
        {
          name: 'wing-gaussian-section',
          title: 'Gaussian curvature along the chord at root, mid-span and tip',
          svg: sectionK,
          caption:
            'Without twist this wing would be developable (K = 0): the washout makes K small and of opposite signs on the two surfaces near the leading edge.',
        },
      ],
      table,
      summary: `Curvature features concentrate at the leading edge: |H| reaches ${hMax.toFixed(0)} per unit length at the thin tip (leading-edge radius ≈ 1.1 t²c), against 0.1–0.3 over the aft upper surface and 0.01–0.1 on the flatter lower surface. The kink at x/c = 0.4 is real: the NACA 2412 camber line joins two parabolas there, with a jump in its second derivative. The Gaussian curvature is small (|K| < 0.05): a swept, tapered wing with dihedral but no twist is developable (K = 0), and the washout bends the spanwise lines ahead of and behind the quarter-chord twist axis in opposite senses, so K changes sign near x/c = 0.25 and has opposite signs on the two surfaces. The intrinsic curvature R₁₂₁₂/det g, from the Christoffel symbols alone, agrees with the extrinsic K = det II/det I to rounding away from the trailing-edge crease, and the triangulated grid satisfies the discrete Gauss–Bonnet theorem (χ = 0, a tube) to rounding.`,
    };
  },
});

/** Largest relative gap between intrinsic and extrinsic K over grid rows i0 ≤ i < i1. */
function maxEgregium(
  f: ReturnType<typeof gridFeatures>,
  nv: number,
  i0: number,
  i1: number,
): number {
  let e = 0;
  for (let k = i0 * nv; k < i1 * nv; k++) {
    const det = f.metric[3 * k] * f.metric[3 * k + 2] - f.metric[3 * k + 1] ** 2;
    const K = f.gaussianCurvature[k];
    e = Math.max(e, Math.abs(f.riemann1212[k] / det - K) / (1 + Math.abs(K)));
  }
  return e;
}

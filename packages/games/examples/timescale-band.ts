// The certified timescale band of the Small-Gain Nash certificate against the observed
// convergence region of two-timescale gradient play, on a quadratic game that is not
// monotone in the Euclidean sense.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { eigvals, fromRows } from '@rg/linalg';
import {
  euclideanMonotonicity,
  quadraticGame,
  simultaneousGD,
  smallGainCertificate,
  timescaleBand,
} from '../src/index.js';

export default defineExample({
  title: 'Small-gain certificate: the timescale band',
  description:
    'A two-player quadratic game with Jacobian [[1, 0.2], [−3, 1]]: the symmetric part has eigenvalue −0.4, so Euclidean monotonicity fails, but the small-gain product L₁₂L₂₁/(μ₁μ₂) = 0.6 is below 1. For each timescale ratio r = w₂/w₁ and base step h, player i runs gradient descent with step h·w_i; the grid shows where that converges, and the overlay the ratios and steps the certificate guarantees.',
  run(ctx) {
    const g = quadraticGame({
      blocks: [
        [fromRows([[1]]), fromRows([[0.2]])],
        [fromRows([[-3]]), fromRows([[1]])],
      ],
      b: [[-0.8], [4]],
    });
    const nr = ctx.quick ? 25 : 73;
    const nh = ctx.quick ? 16 : 49;
    const maxIter = ctx.quick ? 1500 : 6000;
    const logR = [-3, 2];
    const logH = [-2.5, 1];
    const x0 = new Float64Array([3, -2]);
    const J = g.jacobian(x0).data;
    const best = smallGainCertificate(g);
    const band = timescaleBand(
      best.mu[0],
      best.mu[1],
      best.couplings.data[1],
      best.couplings.data[2],
    );
    const cells: { r1: number; r2: number; h1: number; h2: number; status: string }[] = [];
    const curve: { r: number; h: number }[] = [];
    const exactLimit: { r: number; h: number }[] = [];
    const table: Record<string, string | number | boolean>[] = [];
    let unsound = 0;
    let certifiedCells = 0;
    for (let i = 0; i < nr; i++) {
      ctx.progress(i / nr, `ratio ${i + 1}/${nr}`);
      const lr = logR[0] + ((logR[1] - logR[0]) * i) / (nr - 1);
      const r = 10 ** lr;
      const dr = (logR[1] - logR[0]) / (nr - 1) / 2;
      const cert = smallGainCertificate(g, undefined, { weights: [1, r] });
      if (cert.certified) curve.push({ r, h: cert.eulerStepMax });
      // the exact limit of the linear map I − hWA: h < min_k 2 Re λ_k / |λ_k|² over the eigenvalues of WA
      const [w1, w2] = cert.weights;
      const ev = eigvals(
        fromRows([
          [w1 * J[0], w1 * J[1]],
          [w2 * J[2], w2 * J[3]],
        ]),
      );
      let limit = Number.POSITIVE_INFINITY;
      for (let k = 0; k < 2; k++)
        limit = Math.min(limit, (2 * ev.re[k]) / (ev.re[k] ** 2 + ev.im[k] ** 2));
      exactLimit.push({ r, h: limit });
      let largestConvergent = 0;
      for (let j = 0; j < nh; j++) {
        const lh = logH[0] + ((logH[1] - logH[0]) * j) / (nh - 1);
        const h = 10 ** lh;
        const dh = (logH[1] - logH[0]) / (nh - 1) / 2;
        const run = simultaneousGD(g, x0, {
          step: h,
          timescales: cert.weights,
          maxIter,
          tol: 1e-12,
        });
        // observed: converged, or the distance to x* still shrinking over the second half of the budget
        const d = run.trajectory.distance!;
        const shrinking = !run.diverged && d[d.length - 1] < d[Math.floor(d.length / 2)];
        const converges = run.converged || shrinking;
        const certified = cert.certified && h < cert.eulerStepMax;
        if (certified) certifiedCells++;
        if (certified && !converges) unsound++;
        if (converges) largestConvergent = h;
        cells.push({
          r1: 10 ** (lr - dr),
          r2: 10 ** (lr + dr),
          h1: 10 ** (lh - dh),
          h2: 10 ** (lh + dh),
          status: converges ? (certified ? 'converges, certified' : 'converges') : 'diverges',
        });
      }
      if (i % Math.max(1, Math.floor(nr / 8)) === 0)
        table.push({
          r,
          certified: cert.certified,
          margin: cert.margin,
          'certified h (< 2m/L²)': cert.eulerStepMax,
          'largest converging h on the grid': largestConvergent,
          'exact limit min 2Reλ/|λ|²': exactLimit[exactLimit.length - 1].h,
        });
    }
    const svg = plotToSVG({
      width: 720,
      height: 460,
      marginLeft: 60,
      x: {
        type: 'log',
        label: 'timescale ratio r = w₂/w₁',
        domain: [10 ** logR[0], 10 ** logR[1]],
        tickFormat: '~g',
      },
      y: {
        type: 'log',
        label: 'base step h (player i uses h·w_i, w on the simplex)',
        domain: [10 ** logH[0], 10 ** logH[1]],
        tickFormat: '~g',
      },
      color: {
        legend: true,
        domain: ['converges, certified', 'converges', 'diverges'],
        range: ['#2a9d5c', '#b7e0bd', '#e9a28f'],
      },
      marks: [
        Plot.rect(cells, { x1: 'r1', x2: 'r2', y1: 'h1', y2: 'h2', fill: 'status', inset: 0 }),
        ...(band
          ? [
              Plot.ruleX(band.filter(Number.isFinite), {
                stroke: '#1d3557',
                strokeWidth: 1.5,
                strokeDasharray: '5 3',
              }),
            ]
          : []),
        Plot.line(curve, { x: 'r', y: 'h', stroke: '#1d3557', strokeWidth: 2, clip: true }),
        Plot.line(exactLimit, {
          x: 'r',
          y: 'h',
          stroke: '#6c757d',
          strokeWidth: 1.2,
          strokeDasharray: '2 2',
        }),
      ],
    });
    const eu = euclideanMonotonicity(g);
    return {
      figures: [
        {
          name: 'timescale-band',
          title:
            'Certified timescale band (dashed), certified Euler steps (solid) and the exact stability limit (dotted) over the observed convergence region',
          svg,
        },
      ],
      table,
      summary: `Euclidean monotonicity fails (λ_min of the symmetric part ${eu.minEigenvalue.toFixed(3)}), yet the certificate holds for ratios r in (${band ? band.map((v) => v.toPrecision(4)).join(', ') : '—'}), with the best weights w = (${Array.from(best.weights, (v) => v.toFixed(3)).join(', ')}), margin ${best.margin.toExponential(3)} and Euler step ${best.eulerStep.toExponential(3)}. ${certifiedCells - unsound} of the ${certifiedCells} certified grid cells converge in the runs. The observed region is much larger, as a sufficient condition's should be: it follows the exact limit h < min 2 Re λ/|λ|² of the linear map I − hWA for every ratio, including r = 1 (plain gradient play), because the Jacobian's eigenvalues 1 ± i√0.6 have positive real parts; the certificate sees only block norms, and pays for it with steps one to two orders of magnitude below that limit.`,
    };
  },
});

// Tang et al., "Accelerating Sinkhorn algorithm with sparse Newton iterations" (ICLR 2024),
// Table 1 setting: n = 500, η = 1/reg = 1200, marginal error target 1e-9.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { type Matrix, rng } from '@rg/linalg';
import { costMatrix, sinkhorn, sinkhornNewtonSparse } from '../src/index.js';

/** Random assignment: C_ij i.i.d. uniform on [0, 1] (the paper's synthetic benchmark). */
function randomAssignment(n: number, seed: number): Matrix {
  const r = rng(seed);
  return { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => r.uniform()) };
}

/** Squared L2 between two 2-D Gaussian clouds, scaled so that max C = 1. */
function cloudL2(n: number, seed: number): Matrix {
  const r = rng(seed);
  const x = Array.from({ length: n }, () => [r.normal(), r.normal()]);
  const y = Array.from({ length: n }, () => [r.normal() + 1, 0.5 * r.normal()]);
  const C = costMatrix(x, y);
  let mx = 0;
  for (const v of C.data) mx = Math.max(mx, v);
  for (let k = 0; k < C.data.length; k++) C.data[k] /= mx;
  return C;
}

export default defineExample({
  title: 'Sinkhorn vs Sinkhorn-Newton-Sparse at η = 1200',
  description:
    'Entropic OT at reg = 1/1200 on a random-assignment cost and on a squared-L2 cost between two point clouds: marginal error per iteration of log-domain Sinkhorn (capped at a time budget) and of SNS (20 Sinkhorn warm-up steps, then sparse Newton).',
  run(ctx) {
    const n = ctx.quick ? 60 : 500;
    const reg = 1 / 1200;
    const budgetMs = ctx.quick ? 300 : 60000;
    const w = new Float64Array(n).fill(1 / n);
    const problems: [string, Matrix][] = [
      ['random assignment', randomAssignment(n, 1)],
      ['L2² point clouds', cloudL2(n, 2)],
    ];
    const curve: { cost: string; method: string; iteration: number; error: number; ms: number }[] =
      [];
    const table: Record<string, string | number | boolean>[] = [];
    problems.forEach(([name, C], p) => {
      ctx.progress(p / 2, `${name}: SNS`);
      const t0 = performance.now();
      const sns = sinkhornNewtonSparse(w, w, C, { reg, tol: 1e-9 });
      const snsMs = performance.now() - t0;
      // Times per point are interpolated by iteration count within each stage.
      for (const h of sns.history)
        curve.push({
          cost: name,
          method: 'SNS',
          iteration: h.iteration,
          error: h.marginalError,
          ms: (snsMs * h.iteration) / sns.iterations,
        });
      table.push({
        cost: name,
        method: 'SNS',
        iterations: sns.iterations,
        detail: `${sns.sinkhornIterations} Sinkhorn + ${sns.newtonIterations} Newton (${sns.cgIterations} CG, ${sns.kept} Hessian entries kept)`,
        ms: Math.round(snsMs),
        marginalError: sns.marginalError,
        converged: sns.converged,
      });
      ctx.progress(p / 2 + 0.1, `${name}: Sinkhorn`);
      // Log-domain Sinkhorn in chunks, warm-started, until tol or the time budget.
      const s0 = performance.now();
      let f: Float64Array | undefined;
      let g: Float64Array | undefined;
      let iterations = 0;
      let err = Number.POSITIVE_INFINITY;
      let converged = false;
      while (performance.now() - s0 < budgetMs && !converged) {
        const r = sinkhorn(w, w, C, {
          reg,
          method: 'log',
          maxIter: 200,
          tol: 1e-9,
          warmStart: f && g ? { f, g } : undefined,
        });
        const elapsed = performance.now() - s0;
        for (const h of r.history)
          curve.push({
            cost: name,
            method: 'Sinkhorn (log)',
            iteration: iterations + h.iteration,
            error: h.marginalError,
            ms: elapsed,
          });
        iterations += r.iterations;
        err = r.marginalError;
        converged = r.converged;
        f = r.f;
        g = r.g;
      }
      table.push({
        cost: name,
        method: 'Sinkhorn (log)',
        iterations,
        detail: converged ? 'reached 1e-9' : `stopped at the ${budgetMs / 1000} s budget`,
        ms: Math.round(performance.now() - s0),
        marginalError: err,
        converged,
      });
    });
    const costNames = [...new Set(curve.map((c) => c.cost))];
    const svg = plotToSVG({
      width: 720,
      height: 420,
      marginLeft: 50,
      insetTop: 8,
      insetBottom: 12,
      x: { type: 'log', label: 'iteration', tickFormat: '~g' },
      y: { type: 'log', label: 'marginal error', tickFormat: '.0e' },
      fy: { axis: null },
      color: { legend: true },
      marks: [
        Plot.frame({ stroke: '#ddd' }),
        Plot.text(costNames, {
          fy: (d: string) => d,
          text: (d: string) => `cost: ${d}`,
          frameAnchor: 'top-right',
          dx: -6,
          dy: 6,
        }),
        Plot.ruleY([1e-9], { stroke: '#999', strokeDasharray: '4 3' }),
        Plot.text(['tol 1e-9'], { frameAnchor: 'bottom-right', dx: -4, dy: -2, fill: '#777' }),
        Plot.line(curve, { x: 'iteration', y: 'error', stroke: 'method', fy: 'cost' }),
      ],
    });
    const svgTime = plotToSVG({
      width: 720,
      height: 420,
      marginLeft: 50,
      insetTop: 8,
      insetBottom: 12,
      x: { type: 'log', label: 'time (ms)', tickFormat: '~g' },
      y: { type: 'log', label: 'marginal error', tickFormat: '.0e' },
      fy: { axis: null },
      color: { legend: true },
      marks: [
        Plot.frame({ stroke: '#ddd' }),
        Plot.text(costNames, {
          fy: (d: string) => d,
          text: (d: string) => `cost: ${d}`,
          frameAnchor: 'top-right',
          dx: -6,
          dy: 6,
        }),
        Plot.ruleY([1e-9], { stroke: '#999', strokeDasharray: '4 3' }),
        Plot.text(['tol 1e-9'], { frameAnchor: 'bottom-right', dx: -4, dy: -2, fill: '#777' }),
        Plot.line(
          curve.filter((c) => c.ms > 0),
          { x: 'ms', y: 'error', stroke: 'method', fy: 'cost' },
        ),
      ],
    });
    const snsRows = table.filter((r) => r.method === 'SNS');
    const skRows = table.filter((r) => r.method !== 'SNS');
    return {
      figures: [
        {
          name: 'sns-vs-sinkhorn',
          title: `Sinkhorn vs SNS: marginal error per iteration (n = ${n}, η = 1200)`,
          svg,
          caption:
            'Marginal error √(‖P1 − a‖² + ‖Pᵀ1 − b‖²) (for Sinkhorn, ‖Pᵀ1 − b‖ with rows exact, checked every 10 iterations); dashed line: the 1e-9 target.',
        },
        {
          name: 'sns-vs-sinkhorn-time',
          title: `Sinkhorn vs SNS: marginal error over time in ms (n = ${n}, η = 1200)`,
          svg: svgTime,
          caption:
            'Marginal error √(‖P1 − a‖² + ‖Pᵀ1 − b‖²) (for Sinkhorn, ‖Pᵀ1 − b‖ with rows exact, checked every 10 iterations); dashed line: the 1e-9 target.',
        },
      ],
      table,
      summary: `At n = ${n} and η = 1200, SNS ${snsRows.map((r) => (r.converged ? `reached marginal error 1e-9 in ${r.iterations} iterations (${r.cost})` : `stopped after ${r.iterations} iterations at error ${Number(r.marginalError).toExponential(1)} (${r.cost})`)).join(' and ')}, while log-domain Sinkhorn ${skRows.map((r) => (r.converged ? `needed ${r.iterations} iterations (${r.cost})` : `stopped after ${r.iterations} iterations at error ${Number(r.marginalError).toExponential(1)} (${r.cost})`)).join(' and ')}. The paper reports 29 vs 56,199 iterations on random assignment; Sinkhorn's linear rate at this η is visible as the nearly flat curve.`,
    };
  },
});

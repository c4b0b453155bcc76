// Regularized Newton with gradient-normalized smoothness (ALGORITHMS.md) with exact,
// Fisher and Gauss–Newton curvature, against gradient descent, on logistic regression.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { eigh, gram, rng } from '@rg/linalg';
import { type GnsHessian, gnsNewton, logisticRegression } from '../src/index.js';

export default defineExample({
  title: 'Second-order methods: exact vs Fisher vs Gauss–Newton Hessians',
  description:
    'Gradient-normalized-smoothness Newton (λ = ‖g‖/γ, adaptive γ) with three curvature models against gradient descent with step 1/L, on an L2-regularized logistic regression: iterations to ‖∇f‖ ≤ 1e-10.',
  run(ctx) {
    const n = ctx.quick ? 120 : 400;
    const d = 10;
    const l2 = 1e-3;
    const tol = 1e-10;
    const r = rng(7);
    const wTrue = Array.from({ length: d }, () => 2 * r.normal());
    const X = { rows: n, cols: d, data: Float64Array.from({ length: n * d }, () => r.normal()) };
    const y = Array.from({ length: n }, (_, i) => {
      let t = 0;
      for (let j = 0; j < d; j++) t += X.data[i * d + j] * wTrue[j];
      return r.uniform() < 1 / (1 + Math.exp(-t)) ? 1 : 0;
    });
    const f = logisticRegression(X, y, { l2 });
    const x0 = new Float64Array(d);
    const rows: { method: string; iteration: number; gradNorm: number }[] = [];
    const table: Record<string, string | number>[] = [];

    const kinds: [string, GnsHessian][] = [
      ['GNS, exact Hessian', 'exact'],
      ['GNS, Fisher', 'fisher'],
      ['GNS, Gauss–Newton', 'gaussNewton'],
    ];
    kinds.forEach(([method, hessian], idx) => {
      ctx.progress(idx / 4, method);
      const t0 = performance.now();
      const res = gnsNewton(f, x0, { hessian, tol, maxIter: ctx.quick ? 150 : 400 });
      const ms = performance.now() - t0;
      res.gradNormHistory.forEach((g, i) => {
        rows.push({ method, iteration: i, gradNorm: g });
      });
      table.push({
        method,
        'iterations to 1e-10': res.converged ? res.iterations : `not reached (${res.iterations})`,
        'final ‖∇f‖': res.residual,
        'rejected trials': res.rejections,
        'time ms': Math.round(ms),
      });
    });

    ctx.progress(0.75, 'gradient descent');
    // the logistic Hessian is bounded by (1/4) XᵀX/n + l2·I
    const L = (0.25 * eigh(gram(X)).values[d - 1]) / n + l2;
    const x = new Float64Array(d);
    const maxGd = ctx.quick ? 20000 : 100000;
    let it = 0;
    let gn = Number.POSITIVE_INFINITY;
    const t0 = performance.now();
    while (it < maxGd) {
      const g = f.grad(x);
      gn = Math.hypot(...g);
      if (it % 50 === 0 || gn <= tol)
        rows.push({ method: 'gradient descent, step 1/L', iteration: it, gradNorm: gn });
      if (gn <= tol) break;
      for (let i = 0; i < d; i++) x[i] -= g[i] / L;
      it++;
    }
    table.push({
      method: 'gradient descent, step 1/L',
      'iterations to 1e-10': gn <= tol ? it : `not reached (${it})`,
      'final ‖∇f‖': gn,
      'rejected trials': 0,
      'time ms': Math.round(performance.now() - t0),
    });
    ctx.progress(1);
    const svg = plotToSVG({
      width: 720,
      height: 340,
      marginLeft: 60,
      x: { type: 'log', label: 'iteration + 1', tickFormat: '~g' },
      y: { type: 'log', label: '‖∇f‖', tickFormat: '~g' },
      color: { legend: true },
      marks: [
        Plot.line(rows, {
          x: (d: { iteration: number }) => d.iteration + 1,
          y: 'gradNorm',
          stroke: 'method',
        }),
        Plot.ruleY([tol], { stroke: 'gray', strokeDasharray: '3,3' }),
      ],
    });
    const exact = table[0]['iterations to 1e-10'];
    return {
      figures: [
        {
          name: 'second-order-logistic',
          title: 'Gradient norm per iteration, logistic regression',
          svg,
          caption: 'Dashed: the target ‖∇f‖ = 1e-10.',
        },
      ],
      table,
      summary: `On logistic regression (n = ${n}, d = ${d}, l2 = ${l2}), regularized Newton with the exact Hessian reaches ‖∇f‖ ≤ 1e-10 in ${exact} iterations; gradient descent with the safe step 1/L needs ${table[3]['iterations to 1e-10']}. The Fisher and Gauss–Newton (margin log-sum-exp without its rank-one term, a majorant of the Hessian) models need ${table[1]['iterations to 1e-10']} and ${table[2]['iterations to 1e-10']} iterations: linear convergence, yet still far ahead of gradient descent. The acceptance test uses the objective's cancellation-free f(x) − f(x + Δ), so decreases far below ε·|f| stay measurable.`,
    };
  },
});

// LV-HBA on the LV-HBA paper's toy problem with a coupled lower-level constraint, against a
// value-function penalty baseline with an inner loop (V-PBGD: Shen & Chen, "On Penalty-based
// Bilevel Gradient Descent Method", 2023).
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { coupledBilevelToy, lvHba } from '../src/index.js';

function relativeError(x: Float64Array, star: Float64Array): number {
  let s = 0;
  let t = 0;
  for (let i = 0; i < x.length; i++) {
    s += (x[i] - star[i]) ** 2;
    t += star[i] ** 2;
  }
  return Math.sqrt(s / t);
}

/**
 * The penalty baseline on the toy: min F + ρ(f(x, y) − v(x)) with v(x) = min_θ f(x, θ) over
 * 1ᵀθ = −1ᵀx, v approximated by `inner` warm-started projected gradient steps per outer step,
 * ∇v(x) = ∇_x f(x, θ) + ν·1 with ν = −mean ∇_θ f(x, θ) (the lower-level multiplier).
 */
function penaltyBaseline(
  n: number,
  rho: number,
  outer: number,
  inner: number,
  start: number,
  record: (k: number, x: Float64Array, y: Float64Array) => void,
): void {
  const { problem } = coupledBilevelToy(n);
  const x = new Float64Array(n).fill(start);
  const y = new Float64Array(2 * n).fill(start);
  problem.projectXY!(x, y);
  const theta = Float64Array.from(y);
  const alpha = 0.5 / (rho + 2);
  for (let k = 0; k < outer; k++) {
    for (let t = 0; t < inner; t++) {
      const g = problem.f.gradY(x, theta);
      let shift = 0;
      for (let j = 0; j < 2 * n; j++) {
        theta[j] -= 0.5 * g[j];
        shift += theta[j];
      }
      for (let i = 0; i < n; i++) shift += x[i];
      for (let j = 0; j < 2 * n; j++) theta[j] -= shift / (2 * n);
    }
    const gTheta = problem.f.gradY(x, theta);
    const nu = -gTheta.reduce((a, b) => a + b, 0) / (2 * n);
    const Fx = problem.F.gradX(x, y);
    const Fy = problem.F.gradY(x, y);
    const fx = problem.f.gradX(x, y);
    const fy = problem.f.gradY(x, y);
    const fxTheta = problem.f.gradX(x, theta);
    for (let i = 0; i < n; i++) x[i] -= alpha * (Fx[i] + rho * (fx[i] - fxTheta[i] - nu));
    for (let j = 0; j < 2 * n; j++) y[j] -= alpha * (Fy[j] + rho * fy[j]);
    problem.projectXY!(x, y);
    record(k + 1, x, y);
  }
}

export default defineExample({
  title: 'LV-HBA on a bilevel problem with a coupled lower-level constraint',
  description:
    'The LV-HBA paper toy: x ∈ ℝⁿ, y = (y₁, y₂) ∈ ℝ²ⁿ, F = ½‖x − y₂‖² + ½‖y₁ − 1‖², f = ½‖y₁‖² − xᵀy₁ + 1ᵀy₂ with 1ᵀx + 1ᵀy₁ + 1ᵀy₂ = 0 binding both levels; solution x* = −0.3·1, y₁* = 0.7·1, y₂* = −0.4·1. Relative error of x per iteration for the single-loop, Hessian-free LV-HBA (tuned penalty, and the paper defaults) and for a value-function penalty method with 10 inner lower-level steps per iteration.',
  run(ctx) {
    const n = ctx.quick ? 20 : 100;
    const iters = ctx.quick ? 5000 : 8000;
    const every = ctx.quick ? 20 : 40;
    const { problem, solution } = coupledBilevelToy(n);
    const start = { x0: new Float64Array(n).fill(10), y0: new Float64Array(2 * n).fill(10) };
    const curves: { iteration: number; error: number; method: string }[] = [];
    const table: Record<string, string | number | boolean>[] = [];
    const runLv = (method: string, options: Parameters<typeof lvHba>[1]) => {
      let firstBelow = -1;
      const t0 = performance.now();
      const r = lvHba(problem, {
        ...start,
        ...options,
        maxIter: iters,
        tol: 0,
        recordEvery: 0,
        onProgress: (info) => {
          const e = relativeError(info.x as Float64Array, solution.x);
          if (firstBelow < 0 && e < 1e-3) firstBelow = info.iteration;
          if (info.iteration % every === 0)
            curves.push({ iteration: info.iteration, error: e, method });
        },
      });
      table.push({
        method,
        'final rel. error x': relativeError(r.x, solution.x),
        'final rel. error y': relativeError(r.y, solution.y),
        'first iteration < 1e-3': firstBelow,
        'gradient calls / iteration': 6,
        ms: Math.round(performance.now() - t0),
      });
    };
    ctx.progress(0.05, 'LV-HBA (tuned)');
    runLv('LV-HBA, c̲ = 100, α = β = η = 0.2', {
      alpha: 0.2,
      beta: 0.2,
      eta: 0.2,
      penaltyScale: 100,
    });
    ctx.progress(0.3, 'LV-HBA (paper defaults)');
    runLv('LV-HBA, paper defaults', {});
    for (const rho of [10, 100]) {
      ctx.progress(rho === 10 ? 0.55 : 0.8, `penalty ρ = ${rho}`);
      const method = `penalty ρ = ${rho}, 10 inner steps`;
      let firstBelow = -1;
      let last = Number.NaN;
      let lastY = Number.NaN;
      const t0 = performance.now();
      penaltyBaseline(n, rho, iters, 10, 10, (k, x, y) => {
        last = relativeError(x, solution.x);
        lastY = relativeError(y, solution.y);
        if (firstBelow < 0 && last < 1e-3) firstBelow = k;
        if (k % every === 0) curves.push({ iteration: k, error: last, method });
      });
      table.push({
        method,
        'final rel. error x': last,
        'final rel. error y': lastY,
        'first iteration < 1e-3': firstBelow,
        'gradient calls / iteration': 16,
        ms: Math.round(performance.now() - t0),
      });
    }
    const svg = plotToSVG({
      width: 720,
      height: 420,
      marginLeft: 60,
      x: { label: 'iteration' },
      y: { type: 'log', label: '‖x − x*‖ / ‖x*‖', tickFormat: '.0e' },
      color: { legend: true },
      marks: [
        Plot.ruleY([1e-3], { stroke: '#999', strokeDasharray: '4 3' }),
        Plot.line(curves, { x: 'iteration', y: 'error', stroke: 'method' }),
      ],
    });
    const lv = table[0];
    return {
      figures: [{ name: 'lv-hba-toy', title: `Relative error of x on the toy (n = ${n})`, svg }],
      table,
      summary: `LV-HBA with a penalty schedule c_k = 100(k+1)^0.3 passes a relative error of 1e-3 after ${lv['first iteration < 1e-3']} iterations and keeps going down as 1/c_k shrinks. With the paper's constants (c_k = 0.025(k+1)^0.3) the weight 1/c_k on F stays above 1 for the whole run, so the iterates sit at the biased minimizer of F/c_k + f − v_γ (relative error ${Number(table[1]['final rel. error x']).toFixed(3)}). The value-function penalty baseline stalls at its O(1/ρ) bias: ${Number(table[2]['final rel. error x']).toExponential(2)} for ρ = 10 and ${Number(table[3]['final rel. error x']).toExponential(2)} for ρ = 100, at 16 gradient calls per iteration against LV-HBA's 6.`,
    };
  },
});

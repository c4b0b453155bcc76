// Consensus-based optimization on Rastrigin's function: the success study of the CBO literature
// (Pinnau et al. 2017; Carrillo, Jin, Li & Zhu 2021; Riedl et al. 2023), anisotropic against
// isotropic noise in d = 10, 20, 50.
import { defineExample, Plot, plotToSVG, type Row } from '@rg/gallery';
import { cbo, cboRuns, rastrigin } from '../src/index.js';

export default defineExample({
  title: 'Consensus-based optimization on Rastrigin: success rates',
  description:
    "CBO moves N = 40 particles toward a consensus point (the Laplace-principle average exp(−αf)-weighted, α = 30 growing ×1.05 per step) with noise proportional to each particle's distance to it: anisotropic (per coordinate, σ = 10.1) or isotropic (σ√dt‖x − c‖ξ). A run succeeds when its final consensus point is within 0.25 of the global minimizer 0 in the sup norm. Particles start uniform in [−3, 3]ᵈ; dt = 0.01, λ = 1, up to 5000 steps (a run stops earlier once the swarm has collapsed to 1e-6).",
  run(ctx) {
    const runs = ctx.quick ? 6 : 100;
    const maxIter = ctx.quick ? 2500 : 5000;
    const dims = ctx.quick ? [10, 20] : [10, 20, 50];
    // isotropic noise contracts the swarm only for σ² < 2λ/(d − 2) (Itô's formula for ‖x − c‖):
    // its rows use σ = √(λ/(d − 2)), half that variance; anisotropic noise needs no such scaling
    const configs: {
      d: number;
      noise: 'anisotropic' | 'isotropic';
      sigma: number;
      particles: number;
    }[] = [];
    for (const d of dims) {
      configs.push({ d, noise: 'anisotropic', sigma: 10.1, particles: 40 });
      configs.push({ d, noise: 'isotropic', sigma: Math.sqrt(1 / (d - 2)), particles: 40 });
    }
    configs.push({ d: 20, noise: 'anisotropic', sigma: 10.1, particles: 80 });
    const table: Row[] = [];
    configs.forEach((c, k) => {
      ctx.progress(k / (configs.length + 1), `d = ${c.d}, ${c.noise}, N = ${c.particles}`);
      const t0 = performance.now();
      const study = cboRuns(rastrigin, {
        dim: c.d,
        particles: c.particles,
        alpha: 30,
        alphaGrowth: 1.05,
        sigma: c.sigma,
        noise: c.noise,
        dt: 0.01,
        maxIter,
        tol: 1e-6,
        runs,
        seed: 1000 * c.d,
        minimizer: rastrigin.minimizer(c.d),
      });
      const distances = study.results.map((r) => r.distance).sort((a, b) => a - b);
      table.push({
        d: c.d,
        noise: c.noise,
        σ: Number(c.sigma.toPrecision(3)),
        N: c.particles,
        successes: `${study.successes}/${runs}`,
        'median ‖x − x*‖∞': distances[Math.floor(runs / 2)],
        'mean steps': Math.round(study.meanIterations),
        seconds: (performance.now() - t0) / 1000,
      });
    });
    // a few single runs in d = 20 (anisotropic): f at the consensus point along the run
    ctx.progress(configs.length / (configs.length + 1), 'trajectories');
    const curves: { run: string; step: number; value: number }[] = [];
    for (let s = 0; s < 8; s++) {
      const r = cbo(rastrigin, {
        dim: 20,
        alpha: 30,
        alphaGrowth: 1.05,
        sigma: 10.1,
        maxIter: ctx.quick ? 800 : 1500,
        tol: 0,
        seed: 20_000 + s,
      });
      const ok = Math.max(...r.x.map(Math.abs)) < 0.25;
      const hist = r.history?.value ?? [];
      for (let k = 0; k < hist.length; k += 5)
        curves.push({
          run: `seed ${s}${ok ? '' : ' (fails)'}`,
          step: k,
          value: Math.max(hist[k], 1e-12),
        });
    }
    ctx.progress(1);
    const svg = plotToSVG({
      width: 640,
      height: 320,
      marginLeft: 60,
      x: { label: 'step' },
      y: { type: 'log', label: 'f(consensus point)' },
      color: { legend: true },
      marks: [Plot.line(curves, { x: 'step', y: 'value', stroke: 'run' })],
    });
    const main = table.find((r) => r.d === 20 && r.noise === 'anisotropic' && r.N === 40);
    const wide = table.find((r) => r.N === 80);
    return {
      figures: [
        {
          name: 'cbo-rastrigin',
          title: 'CBO on Rastrigin, d = 20: f at the consensus point (8 runs)',
          svg,
          caption:
            'Anisotropic CBO (N = 40, σ = 10.1, α = 30·1.05ᵏ). Runs that fail converge to a neighbouring local minimum (one coordinate near ±1, f ≈ 1).',
        },
      ],
      table,
      summary: `With the paper's setting (d = 20, N = 40, anisotropic, σ = 10.1, α = 30 ×1.05, dt = 0.01, particles from U[−3, 3]²⁰) ${main?.successes} runs end within 0.25 of the minimizer${ctx.quick ? ' (quick run: fewer runs and steps)' : ''}; the failures stop in a neighbouring local minimum with one coordinate near ±1. This is below the paper's 100/100; the independent vectorized NumPy implementation of the same dynamics in bench/optim_peer.py measures a similar rate (see the run pasted in bench/index.ts), and doubling the swarm to N = 80 gives ${wide?.successes}. Isotropic noise needs σ scaled like 1/√d to keep the swarm contracting, and then explores too little in high dimension: anisotropic noise is what makes CBO work with a dimension-free σ.`,
    };
  },
});

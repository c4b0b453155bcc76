// Samples to reach a target return for vanilla policy gradient, N-PG-IGT and N-HARPG (Fatkhullin,
// Barakat, Kireeva & He 2023) on CartPole and on a linear-quadratic regulator, over 5 seeds.
import { defineExample, type Row } from '@rg/gallery';
import { fromRows } from '@rg/linalg';
import { sgd } from '@rg/optim';
import {
  cartPole,
  evaluatePolicy,
  linearGaussianPolicy,
  linearSoftmaxPolicy,
  lqr,
  nHarpg,
  npgIgt,
  vanillaPG,
} from '../src/index.js';
import {
  band,
  type Contender,
  type Curve,
  curvesFigure,
  hitText,
  pm,
  summaryRow,
  trace,
} from './support/study.js';

/**
 * Hyperparameters: the best of a small grid on seeds 101 and 102 (never the reported seeds),
 * ranked by samples to the target, then by the final evaluation:
 * vanilla PG lr ∈ {0.003, 0.01, 0.03} (SGD, 10 episodes per step); N-PG-IGT and N-HARPG
 * γ₀ ∈ {0.1, 0.3, 1} (CartPole) or {0.03, 0.1, 0.3} (LQR) × step decay (2/(t+2))^p,
 * p ∈ {1 (the theory's), 0.5}, one trajectory per estimate, η₀ = 1 and the paper's η schedules.
 */
const CARTPOLE = {
  vanilla: { lr: 0.03 },
  igt: { lr: 0.3, lrDecay: 0.5 },
  harpg: { lr: 0.1, lrDecay: 0.5 },
};
const LQR = {
  vanilla: { lr: 0.003 },
  igt: { lr: 0.03, lrDecay: 0.5 },
  harpg: { lr: 0.1, lrDecay: 1 },
};

export default defineExample({
  title: 'Sample complexity: vanilla PG, N-PG-IGT and N-HARPG',
  description:
    'Environment steps needed to reach a target return, for REINFORCE with a leave-one-out baseline (10 episodes per SGD step), normalized policy gradient with implicit gradient transport (N-PG-IGT, one trajectory per step) and normalized Hessian-aided recursive policy gradient (N-HARPG, two trajectories per step: one for the gradient, one at a random point of the last step for the Hessian-vector correction), each with its best step size from a small grid tuned on other seeds. CartPole-v1 with a linear softmax policy (target: a mean return of 400 over 10 evaluation episodes); a 2-state, 2-input LQR (γ = 0.8) with a linear-Gaussian policy of fixed σ = 0.3 (target: exact expected return within 2% of the Riccati-optimal one). 5 seeds; curves show mean ± sd.',
  run(ctx) {
    const seeds = ctx.quick ? [1] : [1, 2, 3, 4, 5];
    const tables: Row[] = [];
    const figures = [];
    let summary = '';

    // ---- CartPole ----
    {
      const env = cartPole();
      const pi = linearSoftmaxPolicy({ inputs: 4, actions: 2 });
      const budget = ctx.quick ? 6000 : 100000;
      const every = ctx.quick ? 1500 : 2500;
      const episodes = ctx.quick ? 5 : 10;
      const target = 400;
      const evaluate = (t: Float64Array) => evaluatePolicy(env, pi, t, { episodes, seed: 7 }).mean;
      const contenders: Contender[] = [
        {
          label: 'vanilla PG',
          settings: `SGD lr ${CARTPOLE.vanilla.lr}, 10 episodes/step`,
          run: (seed, maxSamples, onProgress) =>
            vanillaPG(env, pi, {
              seed,
              maxSamples,
              maxIterations: 1e7,
              batchEpisodes: 10,
              optimizer: sgd({ lr: CARTPOLE.vanilla.lr }),
              onProgress,
            }),
        },
        {
          label: 'N-PG-IGT',
          settings: `γ₀ ${CARTPOLE.igt.lr}, γₜ ∝ (t+2)^-${CARTPOLE.igt.lrDecay}`,
          run: (seed, maxSamples, onProgress) =>
            npgIgt(env, pi, { seed, maxSamples, maxIterations: 1e7, ...CARTPOLE.igt, onProgress }),
        },
        {
          label: 'N-HARPG',
          settings: `γ₀ ${CARTPOLE.harpg.lr}, γₜ ∝ (t+2)^-${CARTPOLE.harpg.lrDecay}`,
          run: (seed, maxSamples, onProgress) =>
            nHarpg(env, pi, {
              seed,
              maxSamples,
              maxIterations: 1e7,
              ...CARTPOLE.harpg,
              onProgress,
            }),
        },
      ];
      const grid = Array.from({ length: Math.floor(budget / every) + 1 }, (_, i) => i * every);
      const series = contenders.map((c, k) => {
        const curves: Curve[] = seeds.map((seed, i) => {
          ctx.progress(
            (k * seeds.length + i) / (2 * contenders.length * seeds.length),
            `CartPole ${c.label} seed ${seed}`,
          );
          return trace(c, seed, budget, every, pi.initialParameters(), evaluate, target);
        });
        tables.push(summaryRow('CartPole', c, curves, 'final evaluation return'));
        return { label: c.label, points: band(curves, grid), curves };
      });
      figures.push({
        name: 'sample-complexity-cartpole',
        title: `CartPole-v1, linear softmax policy: evaluation return (10 episodes) against environment steps, mean ± sd over ${seeds.length} seed(s); dashed: the target 400`,
        svg: curvesFigure(series, { label: 'evaluation return', domain: [0, 520] }, target),
      });
      summary += `CartPole (target 400): ${series.map((s) => `${s.label} ${hitText(s.curves)}`).join('; ')}. `;
    }

    // ---- LQR ----
    {
      const env = lqr({
        A: fromRows([
          [1, 0.2],
          [0, 0.9],
        ]),
        B: fromRows([
          [1, 0],
          [0.2, 1],
        ]),
        Q: fromRows([
          [1, 0],
          [0, 1],
        ]),
        R: fromRows([
          [1, 0],
          [0, 1],
        ]),
        gamma: 0.8,
      });
      const sigma = 0.3;
      const pi = linearGaussianPolicy({
        inputs: 2,
        actions: 2,
        logStd: Math.log(sigma),
        learnStd: false,
      });
      const Jstar = env.expectedReturn(env.optimalGain, sigma);
      const Ks = env.optimalGain.data;
      // θ = W with u = sᵀW, so K = −Wᵀ
      const gain = (t: Float64Array) => [-t[0], -t[2], -t[1], -t[3]];
      const gainError = (t: Float64Array) =>
        Math.hypot(...gain(t).map((v, i) => v - Ks[i])) / Math.hypot(...Ks);
      // evaluation: −(relative suboptimality), so that "higher is better" as for returns
      const evaluate = (t: Float64Array) => {
        const K = gain(t);
        const J = env.expectedReturn(fromRows([K.slice(0, 2), K.slice(2)]), sigma);
        return Number.isFinite(J) ? -(Jstar - J) / Math.abs(Jstar) : Number.NEGATIVE_INFINITY;
      };
      const tol = 0.02;
      const budget = ctx.quick ? 8000 : 200000;
      const every = ctx.quick ? 2000 : 2000;
      const contenders: Contender[] = [
        {
          label: 'vanilla PG',
          settings: `SGD lr ${LQR.vanilla.lr}, 10 episodes/step`,
          run: (seed, maxSamples, onProgress) =>
            vanillaPG(env, pi, {
              seed,
              maxSamples,
              maxIterations: 1e7,
              batchEpisodes: 10,
              optimizer: sgd({ lr: LQR.vanilla.lr }),
              onProgress,
            }),
        },
        {
          label: 'N-PG-IGT',
          settings: `γ₀ ${LQR.igt.lr}, γₜ ∝ (t+2)^-${LQR.igt.lrDecay}`,
          run: (seed, maxSamples, onProgress) =>
            npgIgt(env, pi, { seed, maxSamples, maxIterations: 1e7, ...LQR.igt, onProgress }),
        },
        {
          label: 'N-HARPG',
          settings: `γ₀ ${LQR.harpg.lr}, γₜ ∝ (t+2)^-${LQR.harpg.lrDecay}`,
          run: (seed, maxSamples, onProgress) =>
            nHarpg(env, pi, { seed, maxSamples, maxIterations: 1e7, ...LQR.harpg, onProgress }),
        },
      ];
      const grid = Array.from({ length: Math.floor(budget / every) + 1 }, (_, i) => i * every);
      const series = contenders.map((c, k) => {
        const finalGains: number[] = [];
        const curves: Curve[] = seeds.map((seed, i) => {
          ctx.progress(
            0.5 + (k * seeds.length + i) / (2 * contenders.length * seeds.length),
            `LQR ${c.label} seed ${seed}`,
          );
          let theta = pi.initialParameters();
          const wrapped: Contender = {
            ...c,
            run: (s, b, onProgress) =>
              c.run(s, b, (p) => {
                theta = p.theta;
                onProgress(p);
              }),
          };
          const curve = trace(wrapped, seed, budget, every, pi.initialParameters(), evaluate, -tol);
          // a run whose gain left the stabilizing region (return −∞) counts as diverged
          finalGains.push(Number.isFinite(curve.final) ? gainError(theta) : Number.NaN);
          return curve;
        });
        const row = summaryRow('LQR', c, curves, 'final −(J* − J)/|J*|', 3);
        row['final ‖K − K*‖/‖K*‖'] = pm(finalGains, 3);
        tables.push(row);
        // runs whose gain left the stabilizing region (return −∞) drop out of the statistics
        const points = band(curves, grid, (v) => Math.max(-v, 1e-5), true);
        return { label: c.label, points, curves, finalGains };
      });
      figures.push({
        name: 'sample-complexity-lqr',
        title: `LQR (2 states, 2 inputs, γ = 0.8), linear-Gaussian policy with σ = 0.3: relative suboptimality (J* − J)/|J*| of the exact return against environment steps, geometric mean ×/÷ geometric sd over the ${seeds.length} seed(s) (a run drops out where its gain stops stabilizing); dashed: the target 2%`,
        svg: curvesFigure(series, { label: '(J* − J)/|J*|', type: 'log' }, tol),
      });
      summary += `LQR (target: within 2% of J*): ${series.map((s) => `${s.label} ${hitText(s.curves)}, final gain error ${pm(s.finalGains, 2)}`).join('; ')}.`;
    }
    ctx.progress(1);
    return { figures, table: tables, summary };
  },
});

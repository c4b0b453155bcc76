// On-policy mirror-descent policy optimization (MDPO, Tomar et al. 2022) against PPO-clip
// (Schulman et al. 2017) on CartPole and on a random finite MDP, over 5 seeds.
import { defineExample, type Row } from '@rg/gallery';
import { activation, dense, sequential } from '@rg/nn';
import {
  cartPoleVector,
  evaluatePolicy,
  exactReturn,
  mdpo,
  mlpSoftmaxPolicy,
  ppoClip,
  randomMDP,
  softmaxTabularPolicy,
  valueIteration,
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
 * Learning rates (Adam): the best of {1e-3, 3e-3} (CartPole) and {0.01, 0.03, 0.1} (random MDP)
 * on seeds 101 and 102, by the final evaluation. Everything else is shared: GAE λ = 0.95,
 * 10 epochs of minibatches of 64 per batch, the same critic architecture and learning rate.
 */
const LR = { cartPole: { ppo: 3e-3, mdpo: 3e-3 }, mdp: { ppo: 0.01, mdpo: 0.1 } };

export default defineExample({
  title: 'MDPO against PPO-clip',
  description:
    'On-policy MDPO (each iteration: 10 epochs of minibatch Adam steps on E[ρÂ] − KL(π_θ ‖ π_k)/t_k with t_k = 1 − k/K, the KL in closed form) against PPO-clip (the same loop on E[min(ρÂ, clip(ρ, 0.8, 1.2)Â)]), with identical rollouts (2048 steps of 16 vectorized cart-poles, or 1024 steps of a random MDP), GAE(0.95) advantages and critics. CartPole-v1 with a 4-32-2 tanh MLP policy and a 4-32-1 critic (evaluation: mean return of 16 episodes; target 475); a random MDP with 20 states, 4 actions, 5 successors per pair and γ = 0.9 with the tabular softmax policy (evaluation: the exact normalized gap (J* − J)/(J* − J₀) to the optimal return by value iteration; target 0.05). 5 seeds; curves show mean ± sd.',
  run(ctx) {
    const seeds = ctx.quick ? [1] : [1, 2, 3, 4, 5];
    const table: Row[] = [];
    const figures = [];
    let summary = '';

    // ---- CartPole ----
    {
      const venv = cartPoleVector({ copies: 16 });
      const budget = ctx.quick ? 2048 : 60000;
      const batchSteps = ctx.quick ? 1024 : 2048;
      const epochs = ctx.quick ? 2 : 10;
      const every = batchSteps;
      const target = 475;
      const make = (seed: number) => ({
        policy: mlpSoftmaxPolicy({ inputs: 4, actions: 2, hidden: [32], seed }),
        critic: sequential([
          dense({ inputs: 4, outputs: 32, seed }),
          activation('tanh'),
          dense({ inputs: 32, outputs: 1, seed: seed + 1000 }),
        ]),
      });
      // every run builds its own networks; evaluate with the policy of the current run
      let current = make(0).policy;
      const evaluate = (t: Float64Array) =>
        evaluatePolicy(venv, current, t, { episodes: 16, seed: 7 }).mean;
      const contenders: Contender[] = (['ppo', 'mdpo'] as const).map((kind) => ({
        label: kind === 'ppo' ? 'PPO-clip' : 'MDPO',
        settings: `Adam lr ${LR.cartPole[kind]}`,
        run: (seed, maxSamples, onProgress) => {
          const { policy, critic } = make(seed);
          current = policy;
          (kind === 'ppo' ? ppoClip : mdpo)(venv, policy, {
            seed,
            maxSamples,
            maxIterations: 1e6,
            batchSteps,
            epochs,
            lr: LR.cartPole[kind],
            critic,
            onProgress,
          });
        },
      }));
      const grid = Array.from({ length: Math.floor(budget / every) + 1 }, (_, i) => i * every);
      const series = contenders.map((c, k) => {
        const curves: Curve[] = seeds.map((seed, i) => {
          ctx.progress(
            (k * seeds.length + i) / (4 * seeds.length),
            `CartPole ${c.label} seed ${seed}`,
          );
          current = make(seed).policy;
          return trace(c, seed, budget, every, current.initialParameters(), evaluate, target);
        });
        table.push(summaryRow('CartPole', c, curves, 'final evaluation return'));
        return { label: c.label, points: band(curves, grid), curves };
      });
      figures.push({
        name: 'mdpo-ppo-cartpole',
        title: `CartPole-v1, MLP policy: evaluation return (16 episodes) against environment steps, mean ± sd over ${seeds.length} seed(s); dashed: the target 475`,
        svg: curvesFigure(series, { label: 'evaluation return', domain: [0, 520] }, target),
      });
      summary += `CartPole (target 475): ${series.map((s) => `${s.label} ${hitText(s.curves)}, final return ${pm(s.curves.map((c) => c.final))}`).join('; ')}. `;
    }

    // ---- random MDP ----
    {
      const mdp = randomMDP({ states: 20, actions: 4, gamma: 0.9, seed: 42, branching: 5 });
      const pi = softmaxTabularPolicy(20, 4);
      const Jstar = valueIteration(mdp).return;
      const J0 = exactReturn(mdp, pi, pi.initialParameters());
      // evaluation: −(normalized gap) so that higher is better
      const evaluate = (t: Float64Array) => -(Jstar - exactReturn(mdp, pi, t)) / (Jstar - J0);
      const tol = 0.05;
      const budget = ctx.quick ? 4096 : 60000;
      const batchSteps = 1024;
      const contenders: Contender[] = (['ppo', 'mdpo'] as const).map((kind) => ({
        label: kind === 'ppo' ? 'PPO-clip' : 'MDPO',
        settings: `Adam lr ${LR.mdp[kind]}`,
        run: (seed, maxSamples, onProgress) =>
          (kind === 'ppo' ? ppoClip : mdpo)(mdp, pi, {
            seed,
            maxSamples,
            maxIterations: 1e6,
            batchSteps,
            epochs: 10,
            lr: LR.mdp[kind],
            onProgress,
          }),
      }));
      const grid = Array.from(
        { length: Math.floor(budget / batchSteps) + 1 },
        (_, i) => i * batchSteps,
      );
      const series = contenders.map((c, k) => {
        const curves: Curve[] = seeds.map((seed, i) => {
          ctx.progress(
            0.5 + (k * seeds.length + i) / (4 * seeds.length),
            `random MDP ${c.label} seed ${seed}`,
          );
          return trace(c, seed, budget, batchSteps, pi.initialParameters(), evaluate, -tol);
        });
        table.push(summaryRow('random MDP (20×4)', c, curves, 'final −(J* − J)/(J* − J₀)'));
        return { label: c.label, points: band(curves, grid, (v) => -v, true), curves };
      });
      figures.push({
        name: 'mdpo-ppo-random-mdp',
        title: `Random MDP (20 states, 4 actions, γ = 0.9), tabular softmax policy: exact normalized gap (J* − J)/(J* − J₀) against environment steps, geometric mean ×/÷ geometric sd over ${seeds.length} seed(s); dashed: the target 0.05`,
        svg: curvesFigure(series, { label: '(J* − J)/(J* − J₀)', type: 'log' }, tol),
      });
      summary += `Random MDP (target gap 0.05, J* = ${Jstar.toFixed(3)}, J₀ = ${J0.toFixed(3)}): ${series
        .map(
          (s) =>
            `${s.label} ${hitText(s.curves)}, final gap ${pm(
              s.curves.map((c) => -c.final),
              2,
            )}`,
        )
        .join('; ')}.`;
    }
    ctx.progress(1);
    return { figures, table, summary };
  },
});

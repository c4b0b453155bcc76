import { describe, expect, it } from 'vitest';
import capoVsGrpo from '../examples/capo-vs-grpo.js';
import g2rlVsGrpo from '../examples/g2rl-vs-grpo.js';
import mdpoVsPpo from '../examples/mdpo-vs-ppo.js';
import sampleComplexity from '../examples/sample-complexity.js';

const ctx = { quick: true, progress: () => {} };

describe('gallery examples (quick runs)', () => {
  it('sample-complexity: two SVG figures and a row per environment and algorithm', async () => {
    const r = await sampleComplexity.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual([
      'sample-complexity-cartpole',
      'sample-complexity-lqr',
    ]);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.map((row) => `${row.environment}/${row.algorithm}`)).toEqual([
      'CartPole/vanilla PG',
      'CartPole/N-PG-IGT',
      'CartPole/N-HARPG',
      'LQR/vanilla PG',
      'LQR/N-PG-IGT',
      'LQR/N-HARPG',
    ]);
    expect(r.summary).toMatch(/CartPole \(target 400\)/);
  });

  it('mdpo-vs-ppo: two SVG figures; on the random MDP both methods shrink the gap to J*', async () => {
    const r = await mdpoVsPpo.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual(['mdpo-ppo-cartpole', 'mdpo-ppo-random-mdp']);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    const mdp = r.table.filter((row) => String(row.environment).startsWith('random MDP'));
    expect(mdp.length).toBe(2);
    // the gap starts at 1 (θ₀); after 4 batches it is below 0.5 for both methods
    for (const row of mdp) {
      const final = -Number.parseFloat(String(row['final −(J* − J)/(J* − J₀)']));
      expect(final).toBeLessThan(0.5);
    }
  });

  it('capo-vs-grpo: three SVG figures, a row per method, masked shares in [0, 1]', async () => {
    const r = await capoVsGrpo.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual([
      'capo-grpo-pass1',
      'capo-grpo-entropy',
      'capo-masked-share',
    ]);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.map((row) => row.method)).toEqual([
      'GRPO, lr 1',
      'GRPO, lr 10',
      'CAPO, lr 1',
      'CAPO, lr 10',
      'CAPO, lr 10, τ_F 1e-2, τ_H 0.1',
    ]);
    for (const row of r.table.slice(2)) {
      const share = Number.parseFloat(String(row['masked share']));
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
    // every run starts from the same warm start: the same held-out pass@1 before the first update
    const starts = new Set(r.table.map((row) => row['pass@1 start']));
    expect(starts.size).toBe(1);
    expect(r.summary).toMatch(/the paper: under 8%/);
  }, 120_000);

  it('g2rl-vs-grpo: two SVG figures, both methods from one warm start, and the paired row', async () => {
    const r = await g2rlVsGrpo.run(ctx);
    expect(r.figures.map((f) => f.name)).toEqual(['g2rl-grpo-pass1', 'g2rl-grpo-passk']);
    for (const f of r.figures) expect(f.svg).toMatch(/^<(svg|figure)/);
    expect(r.table.map((row) => row.method)).toEqual([
      'GRPO',
      'G2RL',
      'G2RL − GRPO (paired by seed)',
    ]);
    expect(r.table[0]['pass@1 start']).toBe(r.table[1]['pass@1 start']);
    for (const row of r.table.slice(0, 2)) {
      const p1 = Number.parseFloat(String(row['pass@1 final']));
      const p4 = Number.parseFloat(String(row['pass@4 final']));
      // pass@k grows with k
      expect(p4).toBeGreaterThanOrEqual(p1);
    }
    expect(r.summary).toMatch(/One-answer check/);
  }, 120_000);
});

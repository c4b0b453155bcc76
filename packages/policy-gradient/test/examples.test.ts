import { describe, expect, it } from 'vitest';
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
});

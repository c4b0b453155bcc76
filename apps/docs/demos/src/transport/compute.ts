// The numbers behind the transport demo, shared by the page and the Node test: two point
// clouds with uniform weights, their squared-Euclidean cost, the exact plan (network simplex)
// and the entropic plan (Sinkhorn) at a chosen regularization.
import { rng } from '@rg/linalg';
import { costMatrix, emd, sinkhorn } from '@rg/ot';

/** Two point clouds in the plane, one [x, y] pair per point. */
export interface Clouds {
  source: [number, number][];
  target: [number, number][];
}

/** What the page draws and prints for one configuration. */
export interface TransportScene {
  /** n×m plans, row-major (source i → target j) */
  exact: { plan: number[]; cost: number; pivots: number };
  entropic: {
    plan: number[];
    cost: number;
    iterations: number;
    converged: boolean;
    method: string;
    warning?: string;
  };
  reg: number;
}

/**
 * The starting clouds: `n` sources around (−1, 0) and `m` targets on an arc around (1, 0.3),
 * drawn from the seeded generator so that Node and the browser start from the same points.
 */
export function initialClouds(seed: number, n = 8, m = 7): Clouds {
  const r = rng(seed);
  const source: [number, number][] = [];
  for (let i = 0; i < n; i++) source.push([-1 + 0.45 * r.normal(), 0.45 * r.normal()]);
  const target: [number, number][] = [];
  for (let j = 0; j < m; j++) {
    const angle = -1.2 + (2.4 * j) / Math.max(m - 1, 1) + 0.15 * r.normal();
    target.push([0.4 + Math.cos(angle), 0.3 + Math.sin(angle)]);
  }
  return { source, target };
}

/** Exact and entropic optimal transport between the clouds (uniform weights, cost ‖x − y‖²). */
export function transportScene(clouds: Clouds, reg: number): TransportScene {
  const n = clouds.source.length;
  const m = clouds.target.length;
  const a = new Array<number>(n).fill(1 / n);
  const b = new Array<number>(m).fill(1 / m);
  const C = costMatrix(clouds.source, clouds.target, 'sqeuclidean');
  const exact = emd(a, b, C);
  const entropic = sinkhorn(a, b, C, { reg, maxIter: 5000 });
  return {
    exact: { plan: Array.from(exact.plan.data), cost: exact.cost, pivots: exact.iterations },
    entropic: {
      plan: Array.from(entropic.plan.data),
      cost: entropic.cost,
      iterations: entropic.iterations,
      converged: entropic.converged,
      method: entropic.method,
      ...(entropic.warning === undefined ? {} : { warning: entropic.warning }),
    },
    reg,
  };
}

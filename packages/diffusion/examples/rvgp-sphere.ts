// Gaussian processes over vector fields on a latent manifold: the experiment of "Implicit
// Gaussian process representation of vector fields over arbitrary latent manifolds" (Peach et
// al., ICLR 2024) on a sphere. A tangent field with singularities is observed at a few points;
// RVGP (a Matérn GP on the connection Laplacian's eigenpairs) reconstructs it everywhere, and
// is compared with one scalar graph GP per ambient component.
import { defineExample, Plot, plotToSVG } from '@rg/gallery';
import { type Matrix, matrix, rng } from '@rg/linalg';
import { graphGp, rvgp, sphere } from '../src/index.js';
import { fmt } from './support/metrics.js';

/** v(x) = e_z × x + ½ P_x(e_x): a rotation about z plus the gradient of x₁ (index 2 in total). */
function field(x: Float64Array, i: number): [number, number, number] {
  const [a, b, c] = [x[3 * i], x[3 * i + 1], x[3 * i + 2]];
  const g = 0.5;
  return [-b + g * (1 - a * a), a - g * a * b, -g * a * c];
}

/** RMS of ‖v̂_i − v_i‖ over the nodes, relative to the RMS of ‖v_i‖ there. */
function relativeError(
  pred: Matrix,
  truth: Matrix,
  nodes: ArrayLike<number>,
  predRow?: (q: number) => number,
): number {
  let e = 0;
  let s = 0;
  for (let q = 0; q < nodes.length; q++) {
    const i = nodes[q];
    const r = predRow ? predRow(q) : q;
    for (let c = 0; c < 3; c++) {
      e += (pred.data[3 * r + c] - truth.data[3 * i + c]) ** 2;
      s += truth.data[3 * i + c] ** 2;
    }
  }
  return Math.sqrt(e / s);
}

/** Remove the normal component of each row (x_i is the unit normal of the sphere). */
function tangentPart(v: Matrix, x: Float64Array, nodes: ArrayLike<number>): Matrix {
  const out = new Float64Array(v.data.length);
  for (let q = 0; q < nodes.length; q++) {
    const i = nodes[q];
    const dot =
      v.data[3 * q] * x[3 * i] +
      v.data[3 * q + 1] * x[3 * i + 1] +
      v.data[3 * q + 2] * x[3 * i + 2];
    for (let c = 0; c < 3; c++) out[3 * q + c] = v.data[3 * q + c] - dot * x[3 * i + c];
  }
  return { rows: v.rows, cols: 3, data: out };
}

export default defineExample({
  title: 'Vector fields on a sphere: RVGP vs a scalar GP per component',
  description:
    'A tangent field with singularities (a rotation about z plus the gradient of x₁) on points sampled uniformly on the unit sphere. Super-resolution: observed at 3 % or 10 % of the points, predicted at the rest. Inpainting: everything observed except a polar cap around a singularity, predicted there. RVGP (Matérn ν = 3/2 on the connection Laplacian of a kNN graph with local-PCA frames) against three scalar Matérn graph GPs, one per ambient component; hyper-parameters by marginal likelihood; relative RMS error over the predicted points, mean ± sd over seeds.',
  run(ctx) {
    const n = ctx.quick ? 300 : 1200;
    const seeds = ctx.quick ? [0] : [0, 1, 2];
    const eigenpairs = ctx.quick ? 40 : 120;
    const k = 10;
    const rows: {
      task: string;
      method: string;
      seed: number;
      error: number;
      tangentError: number;
    }[] = [];
    let figure = '';
    let step = 0;
    for (const seed of seeds) {
      const s = sphere({ n, seed: 100 + seed });
      const x = s.points.data;
      const truth = matrix(
        n,
        3,
        Float64Array.from({ length: 3 * n }, (_, q) => field(x, Math.floor(q / 3))[q % 3]),
      );
      const r = rng(seed);
      const tasks: { name: string; train: number[]; test: number[] }[] = [];
      const order = r.shuffle(Array.from({ length: n }, (_, i) => i));
      for (const frac of [0.03, 0.1]) {
        const m = Math.round(frac * n);
        tasks.push({
          name: `super-resolution (${Math.round(100 * frac)} % observed)`,
          train: order.slice(0, m).sort((a, b) => a - b),
          test: order.slice(m),
        });
      }
      const cap = (i: number) => x[3 * i + 2] > 0.8;
      tasks.push({
        name: 'inpainting (polar cap z > 0.8 hidden)',
        train: Array.from({ length: n }, (_, i) => i).filter((i) => !cap(i)),
        test: Array.from({ length: n }, (_, i) => i).filter(cap),
      });
      let vecBasis: Parameters<typeof rvgp>[3] = {};
      let scalarBasis: Parameters<typeof graphGp>[3] = {};
      for (const task of tasks) {
        ctx.progress(step++ / (seeds.length * tasks.length), `seed ${seed}: ${task.name}`);
        const obs = matrix(
          task.train.length,
          3,
          Float64Array.from(
            { length: 3 * task.train.length },
            (_, q) => truth.data[3 * task.train[Math.floor(q / 3)] + (q % 3)],
          ),
        );
        const model = rvgp(s.points, task.train, obs, { k, dim: 2, eigenpairs, ...vecBasis });
        vecBasis = { basis: model.basis, frames: model.frames };
        const pv = model.predict(task.test);
        const e1 = relativeError(pv.mean, truth, task.test);
        rows.push({
          task: task.name,
          method: 'RVGP (connection Laplacian)',
          seed,
          error: e1,
          tangentError: e1,
        });
        // one scalar GP per ambient component, on the same kNN graph's Laplacian
        const comp = new Float64Array(3 * task.test.length);
        for (let c = 0; c < 3; c++) {
          const g = graphGp(
            s.points,
            task.train,
            task.train.map((i) => truth.data[3 * i + c]),
            { k, eigenpairs, ...scalarBasis },
          );
          scalarBasis = { basis: g.basis };
          const p = g.predict(task.test).mean;
          for (let q = 0; q < task.test.length; q++) comp[3 * q + c] = p[q];
        }
        const ps = { rows: task.test.length, cols: 3, data: comp };
        rows.push({
          task: task.name,
          method: 'scalar GP per component',
          seed,
          error: relativeError(ps, truth, task.test),
          tangentError: relativeError(tangentPart(ps, x, task.test), truth, task.test),
        });
        if (seed === 0 && task.name.startsWith('inpainting')) {
          // orthographic view from above: the northern hemisphere, arrows scaled by 0.12
          const arrows: {
            x1: number;
            y1: number;
            x2: number;
            y2: number;
            panel: string;
            kind: string;
          }[] = [];
          const push = (panel: string, i: number, v: ArrayLike<number>) =>
            arrows.push({
              kind: testIndex.has(i)
                ? panel.startsWith('truth')
                  ? 'hidden truth'
                  : 'predicted'
                : 'observed',
              x1: x[3 * i],
              y1: x[3 * i + 1],
              x2: x[3 * i] + 0.12 * v[0],
              y2: x[3 * i + 1] + 0.12 * v[1],
              panel,
            });
          const testIndex = new Map(task.test.map((i, q) => [i, q]));
          for (let i = 0; i < n; i++) {
            if (x[3 * i + 2] < 0.35) continue;
            const q = testIndex.get(i);
            push('truth (cap hidden from the GPs)', i, truth.data.subarray(3 * i, 3 * i + 3));
            const rv =
              q === undefined
                ? truth.data.subarray(3 * i, 3 * i + 3)
                : pv.mean.data.subarray(3 * q, 3 * q + 3);
            push('RVGP', i, rv);
            const sc =
              q === undefined
                ? truth.data.subarray(3 * i, 3 * i + 3)
                : comp.subarray(3 * q, 3 * q + 3);
            push('scalar GP per component', i, sc);
          }
          const rim = Array.from({ length: 121 }, (_, q) => ({
            x: 0.6 * Math.cos((q * Math.PI) / 60),
            y: 0.6 * Math.sin((q * Math.PI) / 60),
          }));
          figure = plotToSVG({
            width: 900,
            height: 340,
            color: {
              legend: true,
              domain: ['observed', 'hidden truth', 'predicted'],
              range: ['#999', '#222', '#1f6fd1'],
            },
            x: { label: 'x', domain: [-1.05, 1.05] },
            y: { label: 'y', domain: [-1.05, 1.05] },
            fx: {
              label: null,
              domain: ['truth (cap hidden from the GPs)', 'RVGP', 'scalar GP per component'],
            },
            marks: [
              Plot.arrow(arrows, {
                x1: 'x1',
                y1: 'y1',
                x2: 'x2',
                y2: 'y2',
                fx: 'panel',
                stroke: 'kind',
                headLength: 3,
                strokeWidth: 0.8,
              }),
              ...['truth (cap hidden from the GPs)', 'RVGP', 'scalar GP per component'].map(
                (panel) =>
                  Plot.line(rim, {
                    x: 'x',
                    y: 'y',
                    fx: () => panel,
                    stroke: '#c33',
                    strokeDasharray: '3,3',
                  }),
              ),
            ],
          });
        }
      }
    }
    const table: {
      task: string;
      method: string;
      'relative RMS error': string;
      'after projecting onto the tangent plane': string;
      seeds: number;
    }[] = [];
    for (const task of [...new Set(rows.map((r) => r.task))])
      for (const method of [...new Set(rows.map((r) => r.method))]) {
        const sel = rows.filter((r) => r.task === task && r.method === method);
        table.push({
          task,
          method,
          'relative RMS error': fmt(
            sel.map((r) => r.error),
            3,
          ),
          'after projecting onto the tangent plane': fmt(
            sel.map((r) => r.tangentError),
            3,
          ),
          seeds: sel.length,
        });
      }
    const mean = (task: string, method: string) => {
      const sel = rows.filter((r) => r.task === task && r.method.startsWith(method));
      return sel.reduce((a, r) => a + r.error, 0) / sel.length;
    };
    const sentences = [...new Set(rows.map((r) => r.task))].map((task) => {
      const a = mean(task, 'RVGP');
      const b = mean(task, 'scalar');
      return `${task}: RVGP ${a.toFixed(3)}, scalar GPs ${b.toFixed(3)} (RVGP ${a < b ? `${(100 * (1 - a / b)).toFixed(0)} % lower` : `${(100 * (a / b - 1)).toFixed(0)} % higher`})`;
    });
    return {
      figures: [
        {
          name: 'rvgp-sphere',
          title: 'Inpainting a vector field around a singularity (view from above, z > 0.35)',
          svg: figure,
          caption: `${n} points on the unit sphere; inside the dashed circle (z > 0.8) nothing was observed. Arrows outside it are the observed truth.`,
        },
      ],
      table,
      summary: `Relative RMS error of the predicted vectors on ${n} points of the unit sphere, mean over ${seeds.length} seed(s): ${sentences.join('; ')}.`,
    };
  },
});

// Principal angles and the Grassmann geodesic between two planes in ℝ³ (Gr(3, 2)): the planes
// turn about their common line, and the geodesic distance is the dihedral angle (Edelman,
// Arias & Smith 1998; Björck & Golub 1973).
import { defineExample, Plot, plotToSVG, type Row } from '@rg/gallery';
import { fromRows, type Matrix } from '@rg/linalg';
import { grassmann } from '../src/index.js';

/** an orthographic view of ℝ³: azimuth a about the z-axis, then elevation e */
function project(p: [number, number, number], a: number, e: number): [number, number] {
  const x = Math.cos(a) * p[0] - Math.sin(a) * p[1];
  const y = Math.sin(a) * p[0] + Math.cos(a) * p[1];
  return [x, Math.cos(e) * p[2] - Math.sin(e) * y];
}

function column(m: Matrix, j: number): [number, number, number] {
  return [m.data[j], m.data[m.cols + j], m.data[2 * m.cols + j]];
}

function cross(u: number[], v: number[]): [number, number, number] {
  return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
}

export default defineExample({
  title: 'The geodesic between two planes in ℝ³',
  description:
    'Two planes through the origin are two points of Gr(3, 2). They always share a line, so their principal angles are 0 and the dihedral angle φ; the shortest geodesic turns the first plane about the common line into the second, at constant speed, and its length ‖θ‖ = φ. The figure draws the unit circle of each plane along the geodesic (t = 0, ¼, ½, ¾, 1), the common line, and the normals, whose tips move along a great circle by the same angle. The table checks the principal angles, the geodesic (d(Y, γ(t)) = t·φ) and every distance kind against its closed form for two planes.',
  run(ctx) {
    const gr = grassmann(3, 2);
    // the xy-plane, and a plane through the line spanned by (1, 1, 0)/√2 tilted by 70°
    const phi = (70 * Math.PI) / 180;
    const s = Math.SQRT1_2;
    const y = fromRows([
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    const z = fromRows([
      [s, -s * Math.cos(phi)],
      [s, s * Math.cos(phi)],
      [0, Math.sin(phi)],
    ]);
    const theta = gr.principalAngles(y, z);
    const ts = ctx.quick ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
    const view = (p: [number, number, number]) =>
      project(p, (35 * Math.PI) / 180, (20 * Math.PI) / 180);
    const circles: { x: number; y: number; t: string }[] = [];
    const normals: { x1: number; y1: number; x2: number; y2: number; t: string }[] = [];
    const table: Row[] = [];
    let orthonormality = 0;
    for (const t of ts) {
      const b = gr.geodesic(y, z, t);
      const b1 = column(b, 0);
      const b2 = column(b, 1);
      const label = `t = ${t}`;
      for (let i = 0; i <= 96; i++) {
        const a = (2 * Math.PI * i) / 96;
        const [px, py] = view([
          Math.cos(a) * b1[0] + Math.sin(a) * b2[0],
          Math.cos(a) * b1[1] + Math.sin(a) * b2[1],
          Math.cos(a) * b1[2] + Math.sin(a) * b2[2],
        ]);
        circles.push({ x: px, y: py, t: label });
      }
      const [nx, ny] = view(cross(b1, b2));
      normals.push({ x1: 0, y1: 0, x2: nx, y2: ny, t: label });
      table.push({
        quantity: `d(Y, γ(${t}))`,
        computed: gr.distance(y, b),
        'closed form': t * phi,
        '|difference|': Math.abs(gr.distance(y, b) - t * phi),
      });
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 2; j++) {
          let g = 0;
          for (let r = 0; r < 3; r++) g += b.data[r * 2 + i] * b.data[r * 2 + j];
          orthonormality = Math.max(orthonormality, Math.abs(g - +(i === j)));
        }
    }
    const [lx, ly] = view([s, s, 0]);
    const svg = plotToSVG({
      width: 560,
      height: 460,
      x: { domain: [-1.3, 1.3], axis: null },
      y: { domain: [-1.15, 1.15], axis: null },
      color: { legend: true, type: 'ordinal', scheme: 'viridis' },
      marks: [
        Plot.line(circles, { x: 'x', y: 'y', z: 't', stroke: 't', strokeWidth: 1.6 }),
        Plot.link([{ x1: -1.25 * lx, y1: -1.25 * ly, x2: 1.25 * lx, y2: 1.25 * ly }], {
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: 'black',
          strokeDasharray: '4 3',
        }),
        Plot.arrow(normals, {
          x1: 'x1',
          y1: 'y1',
          x2: 'x2',
          y2: 'y2',
          stroke: 't',
          strokeWidth: 1.2,
        }),
        Plot.text([{ x: 1.25 * lx, y: 1.25 * ly }], {
          x: 'x',
          y: 'y',
          text: () => 'common line',
          dx: 8,
          textAnchor: 'start',
        }),
      ],
    });
    const kinds = ['geodesic', 'chordal', 'projection', 'binetCauchy'] as const;
    // closed forms for θ = (0, φ)
    const closed = {
      geodesic: phi,
      chordal: 2 * Math.sin(phi / 2),
      projection: Math.sin(phi),
      binetCauchy: Math.sin(phi),
    };
    for (const kind of kinds) {
      const computed = gr.distance(y, z, { kind });
      table.push({
        quantity: `distance, ${kind}`,
        computed,
        'closed form': closed[kind],
        '|difference|': Math.abs(computed - closed[kind]),
      });
    }
    table.unshift(
      ...Array.from(theta, (v, i) => ({
        quantity: `principal angle ${i + 1}`,
        computed: v,
        'closed form': i === 0 ? 0 : phi,
        '|difference|': Math.abs(v - (i === 0 ? 0 : phi)),
      })),
    );
    ctx.progress(1);
    return {
      figures: [
        {
          name: 'geodesic-planes',
          title:
            'The Grassmann geodesic from the xy-plane to a plane tilted by 70° about a common line',
          svg,
        },
      ],
      table,
      summary: `The principal angles of the two planes are ${Array.from(theta, (v) => v.toFixed(6)).join(' and ')} rad (0 and φ = 70° = ${phi.toFixed(6)} rad): they share a line. Along the geodesic, d(Y, γ(t)) equals t·φ to rounding (largest difference ${Math.max(...table.map((r) => r['|difference|'] as number)).toExponential(1)} over the table) and every basis stays orthonormal (max |γᵀγ − I| = ${orthonormality.toExponential(1)}); the planes turn about the common line (dashed) and their normals sweep the angle φ. For θ = (0, φ) the geodesic, chordal, projection and Binet–Cauchy distances are φ, 2 sin(φ/2), sin φ and sin φ; the table compares each with its closed form.`,
    };
  },
});

// Drag two point clouds and watch the optimal transport plan: exact (network simplex) or
// entropic (Sinkhorn at the chosen regularization), recomputed on every move.
import { clientToSvg, frame, publish, svgEl, svgToClient } from '../shared/svg.js';
import { type Clouds, initialClouds, type TransportScene, transportScene } from './compute.js';

const SEED = 7;
const svg = document.querySelector<SVGSVGElement>('#plot') as SVGSVGElement;
const stats = document.querySelector('#stats') as HTMLElement;
const regInput = document.querySelector<HTMLInputElement>('#reg') as HTMLInputElement;
const regLabel = document.querySelector('#reg-value') as HTMLElement;
const modeInputs = document.querySelectorAll<HTMLInputElement>('input[name="mode"]');

const f = frame(-2.6, 1.9, 120);
svg.setAttribute('viewBox', `0 0 ${5.2 * f.scale} ${3.8 * f.scale}`);
const planLayer = svgEl('g', { class: 'plan' }, svg);
const pointLayer = svgEl('g', { class: 'points' }, svg);

const state = {
  clouds: initialClouds(SEED) as Clouds,
  reg: 10 ** Number(regInput.value),
  mode: 'exact' as 'exact' | 'entropic',
  scene: undefined as TransportScene | undefined,
  /** milliseconds spent in the solvers for the last update */
  solveMs: 0,
  updates: 0,
};

function plan(scene: TransportScene): number[] {
  return state.mode === 'exact' ? scene.exact.plan : scene.entropic.plan;
}

function draw(): void {
  const scene = state.scene as TransportScene;
  const { source, target } = state.clouds;
  const m = target.length;
  const p = plan(scene);
  const max = Math.max(...p);
  planLayer.replaceChildren();
  for (let i = 0; i < source.length; i++)
    for (let j = 0; j < m; j++) {
      const w = p[i * m + j] / max;
      if (w < 1e-3) continue;
      const [x1, y1] = f.toSvg(...source[i]);
      const [x2, y2] = f.toSvg(...target[j]);
      svgEl(
        'line',
        { x1, y1, x2, y2, 'stroke-width': 0.5 + 5 * w, opacity: 0.15 + 0.85 * w },
        planLayer,
      );
    }
  pointLayer.replaceChildren();
  for (const [which, cloud] of [
    ['source', source],
    ['target', target],
  ] as const)
    cloud.forEach(([x, y], i) => {
      const [cx, cy] = f.toSvg(x, y);
      const c = svgEl('circle', { cx, cy, r: 9, class: which, 'data-index': i }, pointLayer);
      c.addEventListener('pointerdown', (e) => startDrag(e, which, i, c));
    });
  const e = scene.entropic;
  stats.textContent =
    `exact cost ${scene.exact.cost.toFixed(4)} (${scene.exact.pivots} pivots) · ` +
    `Sinkhorn cost ${e.cost.toFixed(4)} at reg ${state.reg.toPrecision(2)} ` +
    `(${e.iterations} iterations, ${e.converged ? 'converged' : 'not converged'}` +
    `${e.method !== 'standard' ? `, ${e.method} domain` : ''}) · ${state.solveMs.toFixed(1)} ms`;
  stats.title = e.warning ?? '';
}

function update(): void {
  const t0 = performance.now();
  state.scene = transportScene(state.clouds, state.reg);
  state.solveMs = performance.now() - t0;
  state.updates++;
  regLabel.textContent = state.reg.toPrecision(2);
  draw();
}

function startDrag(e: PointerEvent, which: 'source' | 'target', i: number, el: SVGCircleElement) {
  e.preventDefault();
  el.setPointerCapture(e.pointerId);
  const move = (ev: PointerEvent) => {
    const [px, py] = clientToSvg(svg, ev.clientX, ev.clientY);
    state.clouds[which][i] = f.toData(px, py);
    update();
  };
  const end = () => {
    svg.removeEventListener('pointermove', move);
    svg.removeEventListener('pointerup', end);
  };
  svg.addEventListener('pointermove', move);
  svg.addEventListener('pointerup', end);
}

regInput.addEventListener('input', () => {
  state.reg = 10 ** Number(regInput.value);
  update();
});
for (const input of Array.from(modeInputs))
  input.addEventListener('change', () => {
    state.mode = input.value as 'exact' | 'entropic';
    draw();
  });

publish({
  seed: SEED,
  state,
  /** client coordinates of a point, for the browser test's mouse */
  clientOf(which: 'source' | 'target', i: number): [number, number] {
    const [x, y] = f.toSvg(...state.clouds[which][i]);
    return svgToClient(svg, x, y);
  },
});
update();

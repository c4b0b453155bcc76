// Pick a metric and see SPD geodesics and means: 2×2 SPD matrices drawn as ellipses.
import type { MetricName } from '@rg/spd';
import { frame, publish, svgEl } from '../shared/svg.js';
import {
  ellipseOf,
  initialInput,
  METRICS,
  type SpdInput,
  type SpdScene,
  type Sym2,
  spdScene,
} from './compute.js';

const SEED = 3;
const svg = document.querySelector<SVGSVGElement>('#plot') as SVGSVGElement;
const stats = document.querySelector('#stats') as HTMLElement;
const select = document.querySelector<HTMLSelectElement>('#metric') as HTMLSelectElement;
const angleInput = document.querySelector<HTMLInputElement>('#angle') as HTMLInputElement;

for (const { name, label } of METRICS) {
  const option = document.createElement('option');
  option.value = name;
  option.textContent = label;
  select.appendChild(option);
}

const f = frame(-0.9, 2.1, 100);
svg.setAttribute('viewBox', `0 0 ${10.2 * f.scale} ${4.2 * f.scale}`);

const state = {
  metric: select.value as MetricName,
  input: initialInput(SEED, Number(angleInput.value)) as SpdInput,
  scene: undefined as SpdScene | undefined,
  solveMs: 0,
  updates: 0,
};

function ellipse(p: Sym2, cx: number, cy: number, cls: string, parent: Element): void {
  const e = ellipseOf(p);
  const [x, y] = f.toSvg(cx, cy);
  svgEl(
    'ellipse',
    {
      cx: x,
      cy: y,
      rx: e.rx * f.scale * 0.55,
      ry: e.ry * f.scale * 0.55,
      transform: `rotate(${-e.angle} ${x} ${y})`,
      class: cls,
    },
    parent,
  );
}

function draw(): void {
  const s = state.scene as SpdScene;
  svg.replaceChildren();
  const top = svgEl('g', {}, svg);
  const n = s.geodesic.length - 1;
  s.geodesic.forEach((p, k) => {
    ellipse(p, k * (8.4 / n), 1.1, k === 0 || k === n ? 'end' : 'path', top);
  });
  const [lx, ly] = f.toSvg(-0.7, 2.0);
  svgEl('text', { x: lx, y: ly }, top).textContent = 'geodesic A → B, t = 0, 1/6, …, 1';
  const bottom = svgEl('g', {}, svg);
  for (const p of state.input.sample) ellipse(p, 4.2, -1.0, 'sample', bottom);
  ellipse(s.arithmetic, 4.2, -1.0, 'arithmetic', bottom);
  ellipse(s.mean, 4.2, -1.0, 'mean', bottom);
  const [tx, ty] = f.toSvg(-0.7, -0.1);
  svgEl('text', { x: tx, y: ty }, bottom).textContent =
    'five matrices (grey), their Fréchet mean (bold) and arithmetic mean (dashed)';
  stats.textContent =
    `${s.metric}: d(A, B) = ${s.distance.toFixed(4)} · mean ` +
    `[[${s.mean[0].toFixed(3)}, ${s.mean[1].toFixed(3)}], [${s.mean[1].toFixed(3)}, ${s.mean[2].toFixed(3)}]]` +
    ` (${s.meanIterations} iterations${s.meanConverged ? '' : ', not converged'}) · ${state.solveMs.toFixed(1)} ms`;
}

function update(): void {
  const t0 = performance.now();
  state.scene = spdScene(state.metric, state.input);
  state.solveMs = performance.now() - t0;
  state.updates++;
  draw();
}

select.addEventListener('change', () => {
  state.metric = select.value as MetricName;
  update();
});
angleInput.addEventListener('input', () => {
  state.input = initialInput(SEED, Number(angleInput.value));
  update();
});

publish({ seed: SEED, state });
update();

// Classify simulated EEG: MDM on plain covariances (near chance, by construction of the
// simulator) and on augmented covariances (the dynamics become spatial structure).
import type { MetricName } from '@rg/spd';
import { METRICS } from '../spd-metrics/compute.js';
import { publish, svgEl } from '../shared/svg.js';
import { type EegPipeline, type EegScene, type EegSettings, eegScene } from './compute.js';

const plots = {
  plain: document.querySelector<SVGSVGElement>('#plain') as SVGSVGElement,
  augmented: document.querySelector<SVGSVGElement>('#augmented') as SVGSVGElement,
};
const stats = document.querySelector('#stats') as HTMLElement;
const inputs = {
  seed: document.querySelector<HTMLInputElement>('#seed') as HTMLInputElement,
  order: document.querySelector<HTMLInputElement>('#order') as HTMLInputElement,
  lag: document.querySelector<HTMLInputElement>('#lag') as HTMLInputElement,
  metric: document.querySelector<HTMLSelectElement>('#metric') as HTMLSelectElement,
};
for (const { name, label } of METRICS) {
  const option = document.createElement('option');
  option.value = name;
  option.textContent = label;
  inputs.metric.appendChild(option);
}

const settings = (): EegSettings => ({
  seed: Number(inputs.seed.value),
  order: Number(inputs.order.value),
  lag: Number(inputs.lag.value),
  metric: inputs.metric.value as MetricName,
});

const state = {
  settings: settings(),
  scene: undefined as EegScene | undefined,
  solveMs: 0,
  updates: 0,
};

const SIZE = 300;
function scatter(svg: SVGSVGElement, p: EegPipeline, labels: number[], title: string): void {
  svg.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
  svg.replaceChildren();
  const max = Math.max(...p.distances.flat()) * 1.05;
  const min = Math.min(...p.distances.flat()) * 0.95;
  const to = (d: number) => 30 + ((d - min) / (max - min)) * (SIZE - 45);
  svgEl(
    'line',
    { x1: to(min), y1: SIZE - to(min), x2: to(max), y2: SIZE - to(max), class: 'boundary' },
    svg,
  );
  p.distances.forEach(([d0, d1], i) => {
    svgEl('circle', { cx: to(d0), cy: SIZE - to(d1), r: 4, class: `class${labels[i]}` }, svg);
  });
  svgEl('text', { x: 30, y: 16 }, svg).textContent =
    `${title}: ${(100 * p.accuracy).toFixed(0)} % correct (${p.size}×${p.size})`;
  svgEl('text', { x: SIZE / 2, y: SIZE - 4, 'text-anchor': 'middle' }, svg).textContent =
    'distance to the class-0 mean';
  svgEl(
    'text',
    { x: 12, y: SIZE / 2, transform: `rotate(-90 12 ${SIZE / 2})`, 'text-anchor': 'middle' },
    svg,
  ).textContent = 'distance to the class-1 mean';
}

function update(): void {
  state.settings = settings();
  const t0 = performance.now();
  state.scene = eegScene(state.settings);
  state.solveMs = performance.now() - t0;
  state.updates++;
  const s = state.scene;
  scatter(plots.plain, s.plain, s.labels, 'covariance + MDM');
  scatter(plots.augmented, s.augmented, s.labels, 'augmented covariance + MDM');
  document.querySelector('#order-value')!.textContent = inputs.order.value;
  document.querySelector('#lag-value')!.textContent = inputs.lag.value;
  stats.textContent = `30 training and 30 test trials, ${state.solveMs.toFixed(0)} ms (simulation, covariances, means, distances)`;
}

for (const el of Object.values(inputs)) el.addEventListener('change', update);
publish({ state });
update();

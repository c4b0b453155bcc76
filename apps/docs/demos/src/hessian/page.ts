// Watch a Hessian spectrum form: a small MLP trained a few epochs per frame; after each
// chunk, the eigenvalue density of the loss Hessian by stochastic Lanczos quadrature.
import { publish, svgEl } from '../shared/svg.js';
import { type HessianSettings, hessianFrames, type SpectrumFrame } from './compute.js';

const svg = document.querySelector<SVGSVGElement>('#plot') as SVGSVGElement;
const stats = document.querySelector('#stats') as HTMLElement;
const seedInput = document.querySelector<HTMLInputElement>('#seed') as HTMLInputElement;
const restart = document.querySelector<HTMLButtonElement>('#restart') as HTMLButtonElement;

const W = 720;
const H = 320;
svg.setAttribute('viewBox', `0 0 ${W} ${H}`);

const state = {
  settings: { seed: Number(seedInput.value), epochsPerFrame: 25, frames: 8 } as HessianSettings,
  frames: [] as SpectrumFrame[],
  done: false,
  solveMs: 0,
  /** bumps once per run when all frames are in */
  updates: 0,
};
let run = 0;

function draw(): void {
  svg.replaceChildren();
  const frames = state.frames;
  if (frames.length === 0) return;
  const lo = Math.min(...frames.map((f) => f.grid[0]));
  const hi = Math.max(...frames.map((f) => f.grid[f.grid.length - 1]));
  // densities span decades: draw log10(density + 1e-4), floored at −4
  const y = (d: number) => Math.log10(d + 1e-4);
  const top = Math.max(...frames.flatMap((f) => f.density.map(y)));
  const sx = (t: number) => 50 + ((t - lo) / (hi - lo)) * (W - 70);
  const sy = (v: number) => H - 40 - ((v + 4) / (top + 4)) * (H - 70);
  frames.forEach((f, k) => {
    const d = f.grid.map(
      (t, i) => `${i ? 'L' : 'M'}${sx(t).toFixed(1)},${sy(y(f.density[i])).toFixed(1)}`,
    );
    svgEl(
      'path',
      { d: d.join(''), class: k === frames.length - 1 ? 'density latest' : 'density' },
      svg,
    );
  });
  svgEl('line', { x1: sx(0), x2: sx(0), y1: 20, y2: H - 40, class: 'boundary' }, svg);
  svgEl('text', { x: W / 2, y: H - 8, 'text-anchor': 'middle' }, svg).textContent =
    'eigenvalue of the loss Hessian';
  svgEl('text', { x: 50, y: 16 }, svg).textContent = 'density (log scale), red: the latest';
  svgEl('text', { x: sx(lo), y: H - 24, 'text-anchor': 'start' }, svg).textContent = lo.toFixed(2);
  svgEl('text', { x: sx(hi), y: H - 24, 'text-anchor': 'end' }, svg).textContent = hi.toFixed(2);
  const last = frames[frames.length - 1];
  stats.textContent =
    `epoch ${last.epoch}: loss ${last.loss.toFixed(4)}, largest Ritz value ${Math.max(...last.nodes).toFixed(3)} · ` +
    `${frames.length}/${state.settings.frames} spectra, ${state.solveMs.toFixed(0)} ms`;
}

function start(): void {
  const mine = ++run;
  state.settings = { ...state.settings, seed: Number(seedInput.value) };
  state.frames = [];
  state.done = false;
  state.solveMs = 0;
  const frames = hessianFrames(state.settings);
  // one frame per animation frame, so the spectrum visibly forms
  const step = () => {
    if (mine !== run) return;
    const t0 = performance.now();
    const next = frames.next();
    state.solveMs += performance.now() - t0;
    if (next.done) {
      state.done = true;
      state.updates++;
      return;
    }
    state.frames.push(next.value);
    draw();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

restart.addEventListener('click', (e) => {
  e.preventDefault();
  start();
});
seedInput.addEventListener('change', start);
publish({ state });
start();

// A transformer learns a digit task live: supervised warm start, then GRPO, CAPO or G2RL, one
// update per animation frame; pass@1 and entropy on held-out prompts drawn as they come in,
// and one group of sampled completions with their rewards and advantages.
import { publish, svgEl } from '../shared/svg.js';
import {
  type AlgorithmName,
  DEFAULT_SETTINGS,
  RUN,
  type RlFrame,
  type RlSettings,
  rlFrames,
  type TaskName,
} from './compute.js';

const svg = document.querySelector<SVGSVGElement>('#plot') as SVGSVGElement;
const stats = document.querySelector('#stats') as HTMLElement;
const groupTable = document.querySelector('#group') as HTMLTableElement;
const groupCaption = document.querySelector('#group-caption') as HTMLElement;
const taskSelect = document.querySelector('#task') as HTMLSelectElement;
const algorithmSelect = document.querySelector('#algorithm') as HTMLSelectElement;
const lrSelect = document.querySelector('#lr') as HTMLSelectElement;
const rewardSelect = document.querySelector('#reward') as HTMLSelectElement;
const seedInput = document.querySelector('#seed') as HTMLInputElement;
const stopButton = document.querySelector('#stop') as HTMLButtonElement;
const resetButton = document.querySelector('#reset') as HTMLButtonElement;

const W = 720;
const H = 320;
const LN16 = Math.log(16);
svg.setAttribute('viewBox', `0 0 ${W} ${H}`);

function settingsFromControls(): RlSettings {
  return {
    // a seed is a non-negative integer: what the field holds, rounded down (0 when empty)
    seed: Math.max(0, Math.floor(Number(seedInput.value) || 0)),
    task: taskSelect.value as TaskName,
    algorithm: algorithmSelect.value as AlgorithmName,
    lr: Number(lrSelect.value),
    reward: rewardSelect.value as RlSettings['reward'],
  };
}

const state = {
  settings: { ...DEFAULT_SETTINGS } as RlSettings,
  frames: [] as RlFrame[],
  running: false,
  done: false,
  /** milliseconds spent computing frames */
  solveMs: 0,
  /** bumps once per frame computed */
  updates: 0,
};
/** the animation loop that may run: a newer loop (after reset or continue) ends older ones */
let loop = 0;
let frames: Generator<RlFrame> | undefined;

function draw(): void {
  svg.replaceChildren();
  const fs = state.frames;
  const warm = fs.filter((f) => f.phase === 'warm').length;
  // x: one slot per frame, room for every RL update of the run
  const slots = Math.max(warm + RUN.updates, fs.length);
  const x0 = 46;
  const x1 = W - 52;
  const y0 = H - 40;
  const y1 = 24;
  const sx = (i: number) => x0 + (i / Math.max(1, slots - 1)) * (x1 - x0);
  const sy = (v: number) => y0 - v * (y0 - y1);
  if (warm > 0)
    svgEl(
      'rect',
      { x: x0, y: y1, width: sx(warm - 1) - x0, height: y0 - y1, class: 'warm-band' },
      svg,
    );
  for (const v of [0, 0.5, 1]) {
    svgEl('line', { x1: x0, x2: x1, y1: sy(v), y2: sy(v), class: 'grid' }, svg);
    svgEl('text', { x: x0 - 6, y: sy(v) + 4, 'text-anchor': 'end' }, svg).textContent = String(v);
    svgEl('text', { x: x1 + 6, y: sy(v) + 4, 'text-anchor': 'start' }, svg).textContent = (
      v * LN16
    ).toFixed(2);
  }
  const line = (values: (number | null)[], cls: string) => {
    const d: string[] = [];
    values.forEach((v, i) => {
      if (v === null) return;
      d.push(`${d.length ? 'L' : 'M'}${sx(i).toFixed(1)},${sy(v).toFixed(1)}`);
    });
    if (d.length) svgEl('path', { d: d.join(''), class: `curve ${cls}` }, svg);
  };
  line(
    fs.map((f) => f.entropy / LN16),
    'entropy',
  );
  line(
    fs.map((f) => f.maskedShare),
    'masked',
  );
  line(
    fs.map((f) => f.passAt1),
    'pass1',
  );
  svgEl('text', { x: x0, y: 16 }, svg).textContent = 'pass@1 (held-out)';
  svgEl('text', { x: x1, y: 16, 'text-anchor': 'end', class: 'entropy-label' }, svg).textContent =
    'entropy (nats)';
  svgEl('text', { x: (x0 + x1) / 2, y: H - 8, 'text-anchor': 'middle' }, svg).textContent =
    `warm start (shaded, ${RUN.warmStepsPerFrame} supervised steps per point), then one point per RL update`;

  const last = fs[fs.length - 1];
  if (!last) return;
  const where =
    last.phase === 'warm'
      ? `warm start, step ${last.step} (training pass@1 ${last.trainPassAt1?.toFixed(2)})`
      : `${state.settings.algorithm.toUpperCase()} update ${last.step}/${RUN.updates} (batch reward ${last.batchReward?.toFixed(2)}${last.maskedShare === null ? '' : `, masked ${(100 * last.maskedShare).toFixed(0)}% of tokens`})`;
  stats.textContent =
    `${where} · held-out pass@1 ${last.passAt1.toFixed(3)}, entropy ${last.entropy.toFixed(3)} nats · ` +
    `${(state.solveMs / fs.length).toFixed(0)} ms per point${state.done ? ' · done' : state.running ? '' : ' · stopped'}`;

  const g = last.group;
  groupCaption.textContent = `Held-out prompt ${g.prompt} — ${g.completions.length} completions sampled by the current policy, as GRPO scores a group`;
  const rows = g.completions.map((c, i) => {
    const tr = document.createElement('tr');
    if (g.rewards[i] === 1) tr.className = 'correct';
    for (const text of [c, g.rewards[i].toFixed(2), g.advantages[i].toFixed(2)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.appendChild(td);
    }
    return tr;
  });
  groupTable.tBodies[0].replaceChildren(...rows);
}

function setRunning(on: boolean): void {
  state.running = on;
  stopButton.textContent = state.done ? 'done' : on ? 'stop' : 'continue';
  stopButton.disabled = state.done;
}

function schedule(): void {
  const mine = ++loop;
  const step = () => {
    if (mine !== loop || !state.running || !frames) return;
    const t0 = performance.now();
    const next = frames.next();
    state.solveMs += performance.now() - t0;
    if (next.done) {
      state.done = true;
      setRunning(false);
      draw();
      return;
    }
    state.frames.push(next.value);
    state.updates++;
    draw();
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

function reset(): void {
  state.settings = settingsFromControls();
  state.frames = [];
  state.done = false;
  state.solveMs = 0;
  frames = rlFrames(state.settings);
  setRunning(true);
  draw();
  schedule();
}

stopButton.addEventListener('click', (e) => {
  e.preventDefault();
  if (state.done) return;
  setRunning(!state.running);
  if (state.running) schedule();
  else draw();
});
resetButton.addEventListener('click', (e) => {
  e.preventDefault();
  reset();
});
for (const control of [taskSelect, algorithmSelect, lrSelect, rewardSelect, seedInput])
  control.addEventListener('change', reset);
publish({ state });
reset();

// The grid world of Sutton & Barto (2018, "Reinforcement Learning", §3.5 and ex. 4.1) with walls,
// traps and slippery moves, as a finite MDP.
import {
  InvalidArgumentError,
  checkFiniteNumber,
  checkInRange,
  checkInteger,
  checkOptions,
} from '@rg/linalg';
import { buildTabularMDP, type TabularMDP } from './tabular-mdp.js';

/** A cell [row, column] of a grid, 0-based from the top-left corner. */
export type Cell = readonly [number, number];

/** Options of {@link gridWorld}. */
export interface GridWorldOptions {
  /** grid height (default 4) */
  rows?: number;
  /** grid width (default 4) */
  cols?: number;
  /** blocked cells (default none) */
  walls?: readonly Cell[];
  /** the goal cell, terminal (default the bottom-right corner) */
  goal?: Cell;
  /** trap cells, terminal (default none) */
  traps?: readonly Cell[];
  /** the start cell (default the top-left corner) */
  start?: Cell;
  /** probability that a move is replaced by a uniformly random one of the four (default 0.1) */
  slip?: number;
  /** reward of every move (default −0.01) */
  stepReward?: number;
  /** reward on entering the goal (default 1) */
  goalReward?: number;
  /** reward on entering a trap (default −1) */
  trapReward?: number;
  /** discount factor (default 0.95) */
  gamma?: number;
  /** time limit (default as in {@link tabularMDP}) */
  maxSteps?: number;
}

/** A grid world: a {@link TabularMDP} with its layout. */
export interface GridWorld extends TabularMDP {
  readonly rows: number;
  readonly cols: number;
  /** rows·cols entries: the state index of each cell, −1 for a wall */
  readonly cells: Int32Array;
  /** the cell of state s */
  cellOf(s: number): Cell;
}

/** Moves of actions 0 … 3: up, right, down, left. */
const MOVES: readonly Cell[] = [
  [-1, 0],
  [0, 1],
  [1, 0],
  [0, -1],
];

/**
 * A grid world with four moves (0 up, 1 right, 2 down, 3 left). A move into a wall or off the
 * grid leaves the agent in place; with probability `slip` the move is replaced by a uniformly
 * random one. Entering the goal or a trap ends the episode. The reward table holds expected
 * rewards: r(s, a) = stepReward + goalReward·P(goal | s, a) + trapReward·P(trap | s, a), so
 * sampled and exact returns have the same expectation. Observations are state indices (walls
 * are not states; `cells` maps the grid to them).
 *
 * @param options - rows, cols, walls, goal, traps, start, slip, rewards, gamma, maxSteps
 * @throws {InvalidArgumentError} on cells off the grid, a wall on the start, goal or a trap,
 *   the start on the goal or a trap, or slip outside [0, 1]
 * @example
 * const g = gridWorld({ rows: 2, cols: 3, walls: [[0, 1]] });
 * g.states // => 5
 * g.cells // => [0, -1, 1, 2, 3, 4]
 * g.cellOf(4) // => [1, 2]
 * g.terminal // => [0, 0, 0, 0, 1]
 */
export function gridWorld(options: GridWorldOptions = {}): GridWorld {
  const fn = 'gridWorld';
  const o = checkOptions(fn, 'options', options);
  const rows = checkInteger(fn, 'options.rows', o.rows ?? 4, 1);
  const cols = checkInteger(fn, 'options.cols', o.cols ?? 4, 1);
  if (rows * cols < 2) throw new InvalidArgumentError(`${fn}(): the grid needs at least two cells`);
  const slip = checkInRange(fn, 'options.slip', o.slip ?? 0.1, 0, 1);
  const stepReward = checkFiniteNumber(fn, 'options.stepReward', o.stepReward ?? -0.01);
  const goalReward = checkFiniteNumber(fn, 'options.goalReward', o.goalReward ?? 1);
  const trapReward = checkFiniteNumber(fn, 'options.trapReward', o.trapReward ?? -1);
  const cellIndex = (name: string, c: Cell | undefined, fallback: Cell): number => {
    const [r, k] = c ?? fallback;
    if (!Number.isInteger(r) || !Number.isInteger(k) || r < 0 || r >= rows || k < 0 || k >= cols)
      throw new InvalidArgumentError(
        `${fn}(): ${name} must be a cell [row, col] inside the ${rows}×${cols} grid (got [${String(r)}, ${String(k)}])`,
      );
    return r * cols + k;
  };
  const wall = new Uint8Array(rows * cols);
  (o.walls ?? []).forEach((c, i) => {
    wall[cellIndex(`options.walls[${i}]`, c, c)] = 1;
  });
  const goal = cellIndex('options.goal', o.goal, [rows - 1, cols - 1]);
  const start = cellIndex('options.start', o.start, [0, 0]);
  const trap = new Uint8Array(rows * cols);
  (o.traps ?? []).forEach((c, i) => {
    trap[cellIndex(`options.traps[${i}]`, c, c)] = 1;
  });
  if (wall[goal] || wall[start])
    throw new InvalidArgumentError(`${fn}(): the start and the goal must not be walls`);
  if (start === goal || trap[start])
    throw new InvalidArgumentError(`${fn}(): the start must not be the goal or a trap`);
  if (trap[goal]) throw new InvalidArgumentError(`${fn}(): the goal must not be a trap`);
  for (let i = 0; i < rows * cols; i++)
    if (wall[i] && trap[i]) throw new InvalidArgumentError(`${fn}(): a trap must not be a wall`);

  const cells = new Int32Array(rows * cols).fill(-1);
  const cellOfState: number[] = [];
  for (let i = 0; i < rows * cols; i++)
    if (!wall[i]) {
      cells[i] = cellOfState.length;
      cellOfState.push(i);
    }
  const S = cellOfState.length;
  const A = 4;
  const P = new Float64Array(S * A * S);
  const R = new Float64Array(S * A);
  const terminal = new Uint8Array(S);
  for (let s = 0; s < S; s++) {
    const c = cellOfState[s];
    if (c === goal || trap[c]) terminal[s] = 1;
  }
  const target = (c: number, m: number): number => {
    const r = Math.floor(c / cols) + MOVES[m][0];
    const k = (c % cols) + MOVES[m][1];
    if (r < 0 || r >= rows || k < 0 || k >= cols || wall[r * cols + k]) return c;
    return r * cols + k;
  };
  for (let s = 0; s < S; s++) {
    const c = cellOfState[s];
    for (let a = 0; a < A; a++) {
      const row = (s * A + a) * S;
      if (terminal[s]) {
        // never acted in: keep the row a distribution (a self-loop)
        P[row + s] = 1;
        continue;
      }
      for (let m = 0; m < A; m++) {
        const p = (m === a ? 1 - slip : 0) + slip / A;
        if (p > 0) P[row + cells[target(c, m)]] += p;
      }
      let r = stepReward;
      for (let j = 0; j < S; j++) {
        const cj = cellOfState[j];
        if (cj === goal) r += goalReward * P[row + j];
        else if (trap[cj]) r += trapReward * P[row + j];
      }
      R[s * A + a] = r;
    }
  }
  const initial = new Float64Array(S);
  initial[cells[start]] = 1;
  const mdp = buildTabularMDP(fn, 'GridWorld', {
    P,
    R,
    gamma: o.gamma ?? 0.95,
    initial,
    terminal,
    maxSteps: o.maxSteps,
  });
  return Object.assign(mdp, {
    rows,
    cols,
    cells,
    cellOf(s: number): Cell {
      if (!Number.isInteger(s) || s < 0 || s >= S)
        throw new InvalidArgumentError(
          `GridWorld.cellOf(): s must be a state index in [0, ${S}) (got ${s})`,
        );
      const c = cellOfState[s];
      return [Math.floor(c / cols), c % cols];
    },
  });
}

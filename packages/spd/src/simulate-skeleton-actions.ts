// Synthetic skeleton-based action recognition data resembling HDM05 (Müller et al. 2007,
// "Documentation mocap database HDM05"): forward kinematics of a 31-joint chain driven by
// periodic joint-angle patterns, one covariance of the 93 joint coordinates per sequence, as in
// the SPDNet experiments (Huang & Van Gool 2017).
import { InvalidArgumentError, type Matrix, rng } from '@rg/linalg';
import { type CovarianceEstimator, covariance } from './covariance.js';

/** Options of {@link simulateSkeletonActions}. */
export interface SimulateSkeletonActionsOptions {
  /** number of action classes, the first ones of {@link SimulatedSkeletonActions.classNames} (default 10, at most 21) */
  classes?: number;
  /** sequences per class (default 20) */
  perClass?: number;
  /** number of performers; each sequence is played by one of them (default 5, as in HDM05) */
  performers?: number;
  /** fewest and most frames of a sequence at 120 frames per second (default [120, 240]) */
  frames?: [number, number];
  /** standard deviation of the log speed factor of a sequence (default 0.15) */
  speed?: number;
  /** standard deviation of the log amplitude factor of a sequence and of each pattern (default 0.2) */
  amplitude?: number;
  /** standard deviation of the log body height of a performer (default 0.06; bone proportions vary by a third of it) */
  bodySize?: number;
  /** standard deviation of the slow random sway of every joint angle, in radians (default 0.02) */
  sway?: number;
  /**
   * range of the marker noise standard deviation in metres, drawn per sequence log-uniformly
   * (uniformly when the lower end is 0; [0, 0] gives exact, rank-deficient trajectories)
   * (default [1e-4, 2e-3])
   */
  noise?: [number, number];
  /** the performer faces a heading drawn uniformly from ±heading radians (default π/8) */
  heading?: number;
  /** covariance estimator of each sequence (default 'scm') */
  estimator?: CovarianceEstimator;
  /** also return the joint trajectories (93 × frames each; default false) */
  trajectories?: boolean;
  /** seed (default 0) */
  seed?: number;
}

/** Result of {@link simulateSkeletonActions}. */
export interface SimulatedSkeletonActions {
  /** one 93×93 covariance of the joint coordinates per sequence */
  covariances: Matrix[];
  /** class of each sequence; sequences are interleaved by class (sequence i has class i mod classes) */
  labels: number[];
  /** name of each class */
  classNames: string[];
  /** performer of each sequence (0 … performers−1) */
  performers: number[];
  /** joint names; row 3j, 3j+1, 3j+2 of a trajectory are the x, y (up), z (forward) of joint j */
  joints: string[];
  /** parent index of each joint (−1 for the root) */
  parents: number[];
  /** with `trajectories: true`: the joint coordinates of each sequence, 93 × frames, in metres */
  trajectories?: Matrix[];
}

// The HDM05 skeleton has 31 joints; a joint's rotation turns the bones below it (the chain
// from the root, whose rotation is the body's heading). Rest pose: standing, arms down, facing +z,
// offsets from the parent in metres for a performer of height ≈ 1.75 m.
const JOINTS: readonly [name: string, parent: number, x: number, y: number, z: number][] = [
  ['root', -1, 0, 0.95, 0],
  ['lhip', 0, 0.09, -0.07, 0],
  ['lknee', 1, 0, -0.42, 0],
  ['lankle', 2, 0, -0.41, 0],
  ['lfoot', 3, 0, -0.06, 0.12],
  ['ltoes', 4, 0, 0, 0.05],
  ['rhip', 0, -0.09, -0.07, 0],
  ['rknee', 6, 0, -0.42, 0],
  ['rankle', 7, 0, -0.41, 0],
  ['rfoot', 8, 0, -0.06, 0.12],
  ['rtoes', 9, 0, 0, 0.05],
  ['lowerback', 0, 0, 0.08, -0.01],
  ['upperback', 11, 0, 0.12, 0],
  ['thorax', 12, 0, 0.12, 0],
  ['lowerneck', 13, 0, 0.1, 0],
  ['upperneck', 14, 0, 0.06, 0.01],
  ['head', 15, 0, 0.1, 0.02],
  ['lclavicle', 13, 0.03, 0.05, 0],
  ['lshoulder', 17, 0.15, 0.02, 0],
  ['lelbow', 18, 0, -0.28, 0],
  ['lwrist', 19, 0, -0.25, 0],
  ['lhand', 20, 0, -0.08, 0],
  ['lfingers', 21, 0, -0.07, 0],
  ['lthumb', 20, 0.01, -0.04, 0.03],
  ['rclavicle', 13, -0.03, 0.05, 0],
  ['rshoulder', 24, -0.15, 0.02, 0],
  ['relbow', 25, 0, -0.28, 0],
  ['rwrist', 26, 0, -0.25, 0],
  ['rhand', 27, 0, -0.08, 0],
  ['rfingers', 28, 0, -0.07, 0],
  ['rthumb', 27, -0.01, -0.04, 0.03],
];
const J = JOINTS.length;
const JOINT_INDEX = new Map(JOINTS.map(([name], i) => [name, i]));

/**
 * One periodic joint-angle pattern: angle = offset + amplitude·sin(2π·harmonic·f·t + phase), about
 * the joint's x (lateral: flexion; a positive angle swings a hanging limb backwards), y (vertical:
 * twist) or z (forward: a positive angle lifts a left limb sideways) axis.
 */
type Pattern = [
  joint: string,
  axis: 0 | 1 | 2,
  amplitude: number,
  phase: number,
  offset: number,
  harmonic?: number,
];

interface Action {
  name: string;
  /** cycles per second */
  frequency: number;
  patterns: Pattern[];
  /** forward speed (m/s), vertical bounce amplitude (m) and its harmonic, turning rate (rad/s) */
  forward?: number;
  bounce?: number;
  bounceHarmonic?: number;
  turn?: number;
}

const PI = Math.PI;
const HALF = PI / 2;

const gait = (hip: number, knee: number, arm: number, elbow: number): Pattern[] => [
  ['lhip', 0, hip, 0, -0.05],
  ['rhip', 0, hip, PI, -0.05],
  ['lknee', 0, knee, HALF, knee],
  ['rknee', 0, knee, -HALF, knee],
  ['lankle', 0, 0.15, -HALF, 0],
  ['rankle', 0, 0.15, HALF, 0],
  ['lshoulder', 0, arm, PI, 0],
  ['rshoulder', 0, arm, 0, 0],
  ['lelbow', 0, 0.1, PI, elbow],
  ['relbow', 0, 0.1, 0, elbow],
];

// Actions of one side; `mirror` gives the other side's (left ↔ right, y and z angles negated).
const LEFT_ACTIONS: { action: Action; mirrored: boolean }[] = [
  {
    action: {
      name: 'walk',
      frequency: 0.9,
      patterns: gait(0.4, 0.3, 0.25, -0.2),
      forward: 1.2,
      bounce: 0.02,
      bounceHarmonic: 2,
    },
    mirrored: false,
  },
  {
    action: {
      name: 'run',
      frequency: 1.4,
      patterns: [...gait(0.7, 0.6, 0.5, -1.4), ['lowerback', 0, 0.03, 0, -0.15, 2]],
      forward: 3,
      bounce: 0.05,
      bounceHarmonic: 2,
    },
    mirrored: false,
  },
  {
    action: {
      name: 'jumpingJack',
      frequency: 1,
      patterns: [
        ['lshoulder', 2, 1.2, -HALF, 1.3],
        ['rshoulder', 2, -1.2, -HALF, -1.3],
        ['lhip', 2, 0.2, -HALF, 0.2],
        ['rhip', 2, -0.2, -HALF, -0.2],
        ['lelbow', 2, 0.2, -HALF, 0.2],
        ['relbow', 2, -0.2, -HALF, -0.2],
      ],
      bounce: 0.08,
      bounceHarmonic: 2,
    },
    mirrored: false,
  },
  {
    action: {
      name: 'squat',
      frequency: 0.5,
      patterns: [
        ['lhip', 0, 0.6, HALF, -0.6],
        ['rhip', 0, 0.6, HALF, -0.6],
        ['lknee', 0, -1, HALF, 1],
        ['rknee', 0, -1, HALF, 1],
        ['lankle', 0, 0.3, HALF, -0.3],
        ['rankle', 0, 0.3, HALF, -0.3],
        ['lshoulder', 0, 0.6, HALF, -0.6],
        ['rshoulder', 0, 0.6, HALF, -0.6],
        ['lowerback', 0, 0.2, HALF, -0.2],
      ],
      bounce: 0.2,
      bounceHarmonic: 1,
    },
    mirrored: false,
  },
  {
    action: {
      name: 'kickLeftFront',
      frequency: 0.6,
      patterns: [
        ['lhip', 0, 0.6, 0, -0.6],
        ['lknee', 0, 0.4, HALF, 0.4],
        ['lowerback', 0, -0.1, 0, 0.1],
        ['lshoulder', 2, 0.2, 0, 0.3],
        ['rshoulder', 2, -0.2, 0, -0.3],
      ],
    },
    mirrored: true,
  },
  {
    action: {
      name: 'punchLeftFront',
      frequency: 1.2,
      patterns: [
        ['lshoulder', 0, 0.7, 0, -0.7],
        ['lelbow', 0, 0.9, PI, -1],
        ['upperback', 1, 0.2, 0, 0],
        ['rshoulder', 0, 0, 0, -0.5],
        ['relbow', 0, 0.1, 0, -1.8],
      ],
    },
    mirrored: true,
  },
  {
    action: {
      name: 'waveLeftHand',
      frequency: 1.5,
      patterns: [
        ['lshoulder', 2, 0.1, 0, 2.4],
        ['lelbow', 2, 0.5, 0, 0],
        ['lwrist', 2, 0.3, HALF, 0],
        ['head', 1, 0.1, 0, 0.2],
      ],
    },
    mirrored: true,
  },
  {
    action: {
      name: 'throwLeftArm',
      frequency: 0.5,
      patterns: [
        ['lshoulder', 0, 1.4, PI, -1.2],
        ['lelbow', 0, 0.6, 0, -0.8],
        ['upperback', 1, -0.35, 0, 0],
        ['lowerback', 0, 0.15, PI, -0.1],
        ['rhip', 0, 0.3, PI, -0.2],
        ['rknee', 0, 0.2, PI, 0.3],
      ],
      forward: 0.15,
    },
    mirrored: true,
  },
  {
    action: {
      name: 'lungeLeft',
      frequency: 0.45,
      patterns: [
        ['lhip', 0, 0.5, HALF, -0.5],
        ['lknee', 0, -0.6, HALF, 0.6],
        ['rhip', 0, -0.2, HALF, 0.2],
        ['rknee', 0, -0.5, HALF, 0.5],
        ['rankle', 0, 0.2, HALF, 0.2],
      ],
      bounce: 0.12,
    },
    mirrored: true,
  },
  {
    action: {
      name: 'reachUpLeft',
      frequency: 0.4,
      patterns: [
        ['lshoulder', 0, 0.6, HALF, -2.2],
        ['lelbow', 0, 0.3, -HALF, -0.3],
        ['lankle', 0, -0.2, HALF, 0.2],
        ['rankle', 0, -0.2, HALF, 0.2],
        ['lowerback', 2, -0.1, HALF, -0.1],
      ],
      bounce: 0.04,
    },
    mirrored: true,
  },
  {
    action: {
      name: 'clapHands',
      frequency: 1.8,
      patterns: [
        ['lshoulder', 0, 0, 0, -1.2],
        ['rshoulder', 0, 0, 0, -1.2],
        ['lshoulder', 1, 0.5, 0, -0.5],
        ['rshoulder', 1, -0.5, 0, 0.5],
        ['lelbow', 0, 0.1, 0, -0.3],
        ['relbow', 0, 0.1, 0, -0.3],
      ],
    },
    mirrored: false,
  },
  {
    action: {
      name: 'rotateArmsForward',
      frequency: 0.8,
      patterns: [
        ['lshoulder', 0, 1.2, 0, -1.2],
        ['rshoulder', 0, 1.2, 0, -1.2],
        ['lshoulder', 2, 0.4, HALF, 0.5],
        ['rshoulder', 2, -0.4, HALF, -0.5],
      ],
    },
    mirrored: false,
  },
  {
    action: {
      name: 'hopBothLegs',
      frequency: 1.5,
      patterns: [
        ['lhip', 0, 0.2, 0, -0.2],
        ['rhip', 0, 0.2, 0, -0.2],
        ['lknee', 0, 0.3, PI, 0.3],
        ['rknee', 0, 0.3, PI, 0.3],
        ['lankle', 0, 0.25, 0, 0],
        ['rankle', 0, 0.25, 0, 0],
        ['lelbow', 0, 0.2, 0, -0.6],
        ['relbow', 0, 0.2, 0, -0.6],
      ],
      forward: 0.8,
      bounce: 0.12,
    },
    mirrored: false,
  },
  {
    action: {
      name: 'elbowToKnee',
      frequency: 0.8,
      patterns: [
        ['lhip', 0, 0.7, 0, -0.7],
        ['rhip', 0, 0.7, PI, -0.7],
        ['lknee', 0, 0.5, 0, 0.6],
        ['rknee', 0, 0.5, PI, 0.6],
        ['upperback', 1, 0.4, 0, 0],
        ['lowerback', 0, 0.15, 0, -0.2, 2],
        ['lshoulder', 0, 0.2, PI, -0.8],
        ['rshoulder', 0, 0.2, 0, -0.8],
        ['lelbow', 0, 0, 0, -2],
        ['relbow', 0, 0, 0, -2],
      ],
    },
    mirrored: false,
  },
  {
    action: {
      name: 'walkInCircle',
      frequency: 0.9,
      patterns: gait(0.35, 0.3, 0.2, -0.2),
      forward: 0.9,
      turn: 0.9,
      bounce: 0.02,
      bounceHarmonic: 2,
    },
    mirrored: false,
  },
];

const MIRROR_NAME = (name: string) => name.replace(/Left/g, 'Right');

function mirror(a: Action): Action {
  return {
    ...a,
    name: MIRROR_NAME(a.name),
    turn: a.turn === undefined ? undefined : -a.turn,
    patterns: a.patterns.map(([joint, axis, amp, phase, offset, h]) => {
      const other =
        joint.startsWith('l') && JOINT_INDEX.has(`r${joint.slice(1)}`)
          ? `r${joint.slice(1)}`
          : joint;
      const sign = axis === 0 ? 1 : -1;
      return [other, axis, sign * amp, phase, sign * offset, h] as Pattern;
    }),
  };
}

// Mirrored actions follow their originals, so the first classes mix both kinds.
const ACTIONS: Action[] = LEFT_ACTIONS.flatMap(({ action, mirrored }) =>
  mirrored ? [action, mirror(action)] : [action],
);

/** Rotation R = Rz(c)·Ry(b)·Rx(a) into `out` (3×3 row-major). */
function rotation(a: number, b: number, c: number, out: Float64Array, at: number): void {
  const ca = Math.cos(a);
  const sa = Math.sin(a);
  const cb = Math.cos(b);
  const sb = Math.sin(b);
  const cc = Math.cos(c);
  const sc = Math.sin(c);
  out[at] = cc * cb;
  out[at + 1] = cc * sb * sa - sc * ca;
  out[at + 2] = cc * sb * ca + sc * sa;
  out[at + 3] = sc * cb;
  out[at + 4] = sc * sb * sa + cc * ca;
  out[at + 5] = sc * sb * ca - cc * sa;
  out[at + 6] = -sb;
  out[at + 7] = cb * sa;
  out[at + 8] = cb * ca;
}

function checkInt(
  fn: string,
  name: string,
  v: unknown,
  min: number,
  max = Number.POSITIVE_INFINITY,
): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be an integer in [${min}, ${max}] (got ${String(v)})`,
    );
  return v;
}

function checkNonNegative(fn: string, name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be a finite number ≥ 0 (got ${String(v)})`,
    );
  return v;
}

function checkRange(fn: string, name: string, v: unknown, positive: boolean): [number, number] {
  const ok =
    Array.isArray(v) &&
    v.length === 2 &&
    v.every((x) => typeof x === 'number' && Number.isFinite(x) && (positive ? x > 0 : x >= 0)) &&
    v[0] <= v[1];
  if (!ok)
    throw new InvalidArgumentError(
      `${fn}(): ${name} must be [min, max] with ${positive ? '0 <' : '0 ≤'} min ≤ max (got ${JSON.stringify(v)})`,
    );
  return v as [number, number];
}

/**
 * Skeleton-based action recognition data that resembles HDM05's SPDNet inputs. A 31-joint
 * kinematic chain (HDM05's skeleton: legs, spine, neck, arms with hands and thumbs) is posed
 * frame by frame by forward kinematics from joint angles; each class is a motion primitive — a
 * set of periodic joint-angle patterns and a root motion (walk, run, jumping jack, squat, kicks,
 * punches, waves, throws, lunges and reaches of either side, claps, arm circles, hops,
 * elbow-to-knee, walking in a circle). Each sequence varies its speed, overall and per-pattern
 * amplitude, starting phase, heading and length; its performer (one of `performers`) has a body
 * height and bone proportions of their own; every joint angle sways slowly and every coordinate
 * carries marker noise. The descriptor is the 93×93 covariance of the joint coordinates over the
 * sequence. Because a few degrees of freedom move much more than the others and the marker noise
 * is small, the spectra are naturally ill-conditioned: with the defaults the condition numbers
 * lie between about 1e5 and 1e9, most of them above 1e6.
 *
 * @returns `{ covariances, labels, classNames, performers, joints, parents }` and, on request,
 *   `trajectories`
 * @throws {InvalidArgumentError} on a class count outside [2, 21], a non-positive count, a bad
 *   range, a negative scale, or fewer than 94 frames for the 'scm'/'cov' estimators (the 93×93
 *   covariance would be singular)
 * @example
 * const data = simulateSkeletonActions({ classes: 3, perClass: 2, seed: 1 });
 * [data.covariances.length, data.covariances[0].rows] // => [6, 93]
 * data.labels // => [0, 1, 2, 0, 1, 2]
 * data.classNames // => ['walk', 'run', 'jumpingJack']
 * data.joints.length // => 31
 */
export function simulateSkeletonActions(
  options: SimulateSkeletonActionsOptions = {},
): SimulatedSkeletonActions {
  const fn = 'simulateSkeletonActions';
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
  const classes = checkInt(fn, 'classes', options.classes ?? 10, 2, ACTIONS.length);
  const perClass = checkInt(fn, 'perClass', options.perClass ?? 20, 1);
  const performerCount = checkInt(fn, 'performers', options.performers ?? 5, 1);
  const [minFrames, maxFrames] = checkRange(fn, 'frames', options.frames ?? [120, 240], true);
  checkInt(fn, 'frames[0]', minFrames, 2);
  checkInt(fn, 'frames[1]', maxFrames, 2);
  const estimator = options.estimator ?? 'scm';
  if ((estimator === 'scm' || estimator === 'cov') && minFrames < 3 * J + 1)
    throw new InvalidArgumentError(
      `${fn}(): frames[0] must be ≥ ${3 * J + 1} for the '${estimator}' estimator (got ${minFrames}); use a shrinkage estimator for shorter sequences`,
    );
  const speed = checkNonNegative(fn, 'speed', options.speed ?? 0.15);
  const amplitude = checkNonNegative(fn, 'amplitude', options.amplitude ?? 0.2);
  const bodySize = checkNonNegative(fn, 'bodySize', options.bodySize ?? 0.06);
  const sway = checkNonNegative(fn, 'sway', options.sway ?? 0.02);
  const [noiseLo, noiseHi] = checkRange(fn, 'noise', options.noise ?? [1e-4, 2e-3], false);
  const heading = checkNonNegative(fn, 'heading', options.heading ?? PI / 8);
  const r = rng(options.seed ?? 0);

  // Performers: a body height and bone proportions each (bone offsets scaled, root height too).
  const bodies = Array.from({ length: performerCount }, () => {
    const height = Math.exp(bodySize * r.normal());
    return JOINTS.map(([, , x, y, z]) => {
      const s = height * Math.exp((bodySize / 3) * r.normal());
      return [s * x, s * y, s * z];
    });
  });

  const dims = 3 * J;
  const frameRate = 120;
  const covariances: Matrix[] = [];
  const labels: number[] = [];
  const performers: number[] = [];
  const trajectories: Matrix[] = [];
  const angles = new Float64Array(3 * J);
  const rot = new Float64Array(9 * J); // global rotation of each joint
  const local = new Float64Array(9);
  const pos = new Float64Array(3 * J);
  // Sway: a sum of three slow sinusoids per angle with random frequencies (0.1–0.6 Hz) and phases.
  const swayFreq = new Float64Array(3 * dims);
  const swayPhase = new Float64Array(3 * dims);
  for (let i = 0; i < perClass * classes; i++) {
    const c = i % classes;
    const action = ACTIONS[c];
    const who = r.int(performerCount);
    const body = bodies[who];
    const frames = minFrames + r.int(maxFrames - minFrames + 1);
    const f = action.frequency * Math.exp(speed * r.normal());
    const gain = Math.exp(amplitude * r.normal());
    const patternGains = action.patterns.map(() => Math.exp(amplitude * r.normal()));
    const start = 2 * PI * r.uniform();
    const yaw0 = heading * (2 * r.uniform() - 1);
    const u = r.uniform();
    const noise = noiseLo > 0 ? noiseLo * (noiseHi / noiseLo) ** u : noiseHi * u;
    for (let k = 0; k < 3 * dims; k++) {
      swayFreq[k] = 2 * PI * (0.1 + 0.5 * r.uniform());
      swayPhase[k] = 2 * PI * r.uniform();
    }
    const x = new Float64Array(dims * frames);
    for (let t = 0; t < frames; t++) {
      const time = t / frameRate;
      const cycle = 2 * PI * f * time + start;
      // joint angles: sway plus the action's patterns
      for (let k = 0; k < dims; k++) {
        let s = 0;
        for (let h = 0; h < 3; h++)
          s += Math.sin(swayFreq[3 * k + h] * time + swayPhase[3 * k + h]);
        angles[k] = (sway / Math.sqrt(1.5)) * s;
      }
      action.patterns.forEach(([joint, axis, amp, phase, offset, harmonic], p) => {
        const j = JOINT_INDEX.get(joint) as number;
        angles[3 * j + axis] +=
          offset + gain * patternGains[p] * amp * Math.sin((harmonic ?? 1) * cycle + phase);
      });
      // root: heading (and turning), forward progress, vertical bounce
      const yaw = yaw0 + (action.turn ?? 0) * time;
      angles[1] += yaw;
      const progress = ((action.forward ?? 0) * gain * time * f) / action.frequency;
      const bounce = (action.bounce ?? 0) * gain * Math.sin((action.bounceHarmonic ?? 1) * cycle);
      // forward kinematics: parents come before their children in JOINTS
      for (let j = 0; j < J; j++) {
        const parent = JOINTS[j][1];
        rotation(angles[3 * j], angles[3 * j + 1], angles[3 * j + 2], local, 0);
        const [ox, oy, oz] = body[j];
        if (parent < 0) {
          rot.set(local, 0);
          // a turning performer walks along a circle: integrate the heading in closed form
          const turn = action.turn ?? 0;
          const dx =
            turn === 0
              ? progress * Math.sin(yaw0)
              : (((action.forward ?? 0) * gain * f) / action.frequency / turn) *
                (Math.cos(yaw0) - Math.cos(yaw));
          const dz =
            turn === 0
              ? progress * Math.cos(yaw0)
              : (((action.forward ?? 0) * gain * f) / action.frequency / turn) *
                (Math.sin(yaw) - Math.sin(yaw0));
          pos[0] = ox + dx;
          pos[1] = oy + bounce;
          pos[2] = oz + dz;
          continue;
        }
        const pr = 9 * parent;
        for (let a = 0; a < 3; a++) {
          pos[3 * j + a] =
            pos[3 * parent + a] +
            rot[pr + 3 * a] * ox +
            rot[pr + 3 * a + 1] * oy +
            rot[pr + 3 * a + 2] * oz;
          for (let b = 0; b < 3; b++)
            rot[9 * j + 3 * a + b] =
              rot[pr + 3 * a] * local[b] +
              rot[pr + 3 * a + 1] * local[3 + b] +
              rot[pr + 3 * a + 2] * local[6 + b];
        }
      }
      for (let k = 0; k < dims; k++) x[k * frames + t] = pos[k] + noise * r.normal();
    }
    const trajectory = { rows: dims, cols: frames, data: x };
    covariances.push(covariance(trajectory, { estimator }));
    if (options.trajectories) trajectories.push(trajectory);
    labels.push(c);
    performers.push(who);
  }
  const out: SimulatedSkeletonActions = {
    covariances,
    labels,
    classNames: ACTIONS.slice(0, classes).map((a) => a.name),
    performers,
    joints: JOINTS.map(([name]) => name),
    parents: JOINTS.map(([, parent]) => parent),
  };
  if (options.trajectories) out.trajectories = trajectories;
  return out;
}

// Standard normal numbers in bulk: the ziggurat method (Marsaglia & Tsang 2000, "The ziggurat
// method for generating random variables", with 128 layers) on xoshiro128+ words (Blackman &
// Vigna 2018), seeded from an @rg/linalg generator. @rg/linalg's Rng.normal (polar method on
// 53-bit uniforms) costs several times more per number; the consensus-based optimizer draws
// one normal per coordinate and particle at every step, which makes that its main cost.
import type { Rng } from '@rg/linalg';

/** Fills `out[0 … len)` with independent standard normal numbers. */
export type NormalFill = (out: Float64Array, len: number) => void;

/** normals from `random.normal()`, one call each (the generator's own stream) */
export function rngNormals(random: Rng): NormalFill {
  return (out, len) => {
    for (let i = 0; i < len; i++) out[i] = random.normal();
  };
}

const LAYERS = 128;
const R = 3.442619855899; // the start of the tail
const V = 9.91256303526217e-3; // the area of each layer
const M1 = 2147483648; // 2³¹
const kn = new Int32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = Math.floor((dn / q) * M1);
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = Math.floor((dn / tn) * M1);
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

/**
 * A ziggurat sampler on a xoshiro128+ stream whose 128-bit state is drawn from `random`
 * (four 32-bit words), so a seeded `rng(seed)` gives a reproducible stream.
 */
export function zigguratNormals(random: Rng): NormalFill {
  let s0 = random.int(2 ** 32) | 0;
  let s1 = random.int(2 ** 32) | 0;
  let s2 = random.int(2 ** 32) | 0;
  let s3 = random.int(2 ** 32) | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  /** the next signed 32-bit word of xoshiro128+ */
  const next = (): number => {
    const result = (s0 + s3) | 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  /** a uniform number in (0, 1) from the high 24 bits of a word */
  const uni = (): number => ((next() >>> 8) + 0.5) / 16777216;
  /** the slow path: the tail or the wedge of layer iz */
  const fix = (hz0: number, iz0: number): number => {
    let hz = hz0;
    let iz = iz0;
    for (;;) {
      let x = hz * wn[iz];
      if (iz === 0) {
        let y: number;
        do {
          x = -Math.log(uni()) / R;
          y = -Math.log(uni());
        } while (y + y < x * x);
        return hz > 0 ? R + x : -R - x;
      }
      if (fn[iz] + uni() * (fn[iz - 1] - fn[iz]) < Math.exp(-0.5 * x * x)) return x;
      hz = next();
      iz = hz & (LAYERS - 1);
      if (Math.abs(hz) < kn[iz]) return hz * wn[iz];
    }
  };
  return (out, len) => {
    for (let i = 0; i < len; i++) {
      const hz = next();
      const iz = hz & (LAYERS - 1);
      out[i] = Math.abs(hz) < kn[iz] ? hz * wn[iz] : fix(hz, iz);
    }
  };
}

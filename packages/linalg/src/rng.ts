// Seeded pseudo-random numbers: xoshiro128** (Blackman & Vigna 2018) seeded by
// SplitMix32, 53-bit uniform doubles, Marsaglia polar normals, unbiased integers.
import { InvalidArgumentError } from './errors.js';

/** A seeded random generator. Library code never calls `Math.random`. */
export interface Rng {
  /** uniform double in [0, 1) with 53 random bits */
  uniform(): number;
  /** standard normal N(0, 1) */
  normal(): number;
  /** uniform integer in [0, n) without modulo bias */
  int(n: number): number;
  /** a shuffled copy of `items` (Fisher–Yates); the input is not changed */
  shuffle<T>(items: readonly T[]): T[];
  /** an independent generator derived from this one's stream */
  fork(): Rng;
}

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A seeded generator (xoshiro128**, period 2^128 − 1). Same seed, same stream,
 * on every platform.
 *
 * @param seed - any integer (its low 32 bits and the high bits both matter)
 * @throws {InvalidArgumentError} when `seed` is not a finite integer
 * @example
 * const r = rng(42);
 * r.uniform() === rng(42).uniform() // => true
 * rng(7).int(10) < 10 // => true
 */
export function rng(seed: number): Rng {
  if (!Number.isSafeInteger(seed))
    throw new InvalidArgumentError(`rng(): seed must be a safe integer (got ${seed})`);
  const hi = Math.floor(seed / 2 ** 32);
  const sm = splitmix32((seed ^ Math.imul(hi, 0x27d4eb2d)) >>> 0);
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  if ((a | b | c | d) === 0) a = 1;
  const next = (): number => {
    const result = Math.imul(((Math.imul(b, 5) << 7) | (Math.imul(b, 5) >>> 25)) >>> 0, 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = ((d << 11) | (d >>> 21)) >>> 0;
    return result;
  };
  let spare = Number.NaN;
  const uniform = (): number => ((next() >>> 5) * 67108864 + (next() >>> 6)) / 9007199254740992;
  const gen: Rng = {
    uniform,
    normal() {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = Number.NaN;
        return s;
      }
      let u: number;
      let v: number;
      let s: number;
      do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * f;
      return u * f;
    },
    int(n: number) {
      if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32)
        throw new InvalidArgumentError(`rng().int(): n must be an integer in [1, 2^32] (got ${n})`);
      const limit = 2 ** 32 - (2 ** 32 % n);
      let x: number;
      do x = next();
      while (x >= limit);
      return x % n;
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = gen.int(i + 1);
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
      return out;
    },
    fork() {
      return rng(next() * 2 ** 21 + (next() >>> 11));
    },
  };
  return gen;
}

// Weight initialization (Glorot & Bengio 2010; He et al. 2015) from a seeded generator.
import { InvalidArgumentError, type Rng, rng } from '@rg/linalg';

/** A seed or a generator: layers built from one shared generator start different. */
export type SeedOrRng = number | Rng;

/** The generator for a layer's `seed` option (default 0). */
export function randomFor(fn: string, seed: SeedOrRng | undefined): Rng {
  if (seed === undefined) return rng(0);
  if (typeof seed === 'number') {
    if (!Number.isFinite(seed))
      throw new InvalidArgumentError(
        `${fn}(): seed must be a finite number or an rng() (got ${seed})`,
      );
    return rng(seed);
  }
  if (seed && typeof seed.normal === 'function') return seed;
  throw new InvalidArgumentError(`${fn}(): seed must be a number or a generator made by rng()`);
}

/** Weight initializations of a fan-in × fan-out matrix. */
export type InitName = 'glorot' | 'he' | 'zeros';

/**
 * Fill w with N(0, σ²): σ² = 2/(fanIn + fanOut) (Glorot) keeps saturating activations'
 * variance, σ² = 2/fanIn (He) that of relu layers.
 */
export function initWeights(
  w: Float64Array,
  fanIn: number,
  fanOut: number,
  init: InitName,
  r: Rng,
): void {
  if (init === 'zeros') {
    w.fill(0);
    return;
  }
  const std = init === 'he' ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
  for (let i = 0; i < w.length; i++) w[i] = std * r.normal();
}

/** Throw unless the layer name is undefined or a non-empty string without dots. */
export function layerName(fn: string, name: unknown): string | undefined {
  if (name === undefined) return undefined;
  if (typeof name !== 'string' || name === '' || name.includes('.'))
    throw new InvalidArgumentError(
      `${fn}(): name must be a non-empty string without '.' (got ${JSON.stringify(name)})`,
    );
  return name;
}

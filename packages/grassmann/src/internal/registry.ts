// The manifold objects made by grassmann(), so gcrSgd can recognize its parameters.
import type { Manifold } from '@rg/optim';

const made = new WeakSet<object>();

/** remember a manifold object made by grassmann() */
export function registerGrassmann(m: Manifold): void {
  made.add(m);
}

/** true for the objects grassmann() returned */
export function isGrassmann(m: unknown): boolean {
  return typeof m === 'object' && m !== null && made.has(m);
}

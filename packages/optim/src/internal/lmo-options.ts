// The options every LMO optimizer shares, validated once at its factory.
import { InvalidArgumentError } from '@rg/linalg';
import { checkNonNegative, checkRate } from './engine.js';

export interface MomentumSettings {
  momentum: number;
  nesterov: boolean;
  weightDecay: number;
}

export function momentumSettings(
  fn: string,
  options: { momentum?: number; nesterov?: boolean; weightDecay?: number },
  defaults: { momentum: number; nesterov: boolean },
): MomentumSettings {
  const momentum = checkRate(fn, 'momentum', options.momentum ?? defaults.momentum, 0, 1);
  const nesterov = options.nesterov ?? (momentum > 0 && defaults.nesterov);
  if (typeof nesterov !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): nesterov must be a boolean (got ${String(nesterov)})`);
  if (nesterov && momentum === 0)
    throw new InvalidArgumentError(`${fn}(): nesterov needs momentum > 0`);
  const weightDecay = checkNonNegative(fn, 'weightDecay', options.weightDecay ?? 0);
  return { momentum, nesterov, weightDecay };
}

export function checkOptionsObject(fn: string, options: unknown): void {
  if (options === null || typeof options !== 'object')
    throw new InvalidArgumentError(`${fn}(): options must be an object`);
}

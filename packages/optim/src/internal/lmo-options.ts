// The options every LMO optimizer shares, validated once at its factory.
import { checkInRange, checkPositive, InvalidArgumentError } from '@rg/linalg';

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
  const momentum = checkInRange(
    fn,
    'momentum',
    options.momentum ?? defaults.momentum,
    0,
    1,
    false,
    true,
  );
  const nesterov = options.nesterov ?? (momentum > 0 && defaults.nesterov);
  if (typeof nesterov !== 'boolean')
    throw new InvalidArgumentError(`${fn}(): nesterov must be a boolean (got ${String(nesterov)})`);
  if (nesterov && momentum === 0)
    throw new InvalidArgumentError(`${fn}(): nesterov needs momentum > 0`);
  const weightDecay = checkPositive(fn, 'weightDecay', options.weightDecay ?? 0, true);
  return { momentum, nesterov, weightDecay };
}

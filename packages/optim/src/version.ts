/**
 * The version of @rg/optim this build came from.
 *
 * @example
 * typeof optimVersion // => 'string'
 */
export const optimVersion = '0.0.0';

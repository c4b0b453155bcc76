/**
 * The version of @rg/nn this build came from.
 *
 * @example
 * typeof nnVersion // => 'string'
 */
export const nnVersion = '0.0.0';

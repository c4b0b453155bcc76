/**
 * The version of @rg/gpu this build came from.
 *
 * @example
 * typeof gpuVersion // => 'string'
 */
export const gpuVersion = '0.0.0';

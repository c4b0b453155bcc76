/**
 * The version of @rg/spd this build came from.
 *
 * @example
 * typeof spdVersion // => 'string'
 */
export const spdVersion = '0.0.0';

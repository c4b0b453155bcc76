/**
 * The version of @rg/ot this build came from.
 *
 * @example
 * typeof otVersion // => 'string'
 */
export const otVersion = '0.0.0';

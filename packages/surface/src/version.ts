/**
 * The version of @rg/surface this build came from.
 *
 * @example
 * typeof surfaceVersion // => 'string'
 */
export const surfaceVersion = '0.0.0';

/**
 * The version of @rg/grassmann this build came from.
 *
 * @example
 * typeof grassmannVersion // => 'string'
 */
export const grassmannVersion = '0.0.0';

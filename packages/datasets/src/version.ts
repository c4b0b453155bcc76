/**
 * The version of @rg/datasets this build came from.
 *
 * @example
 * typeof datasetsVersion // => 'string'
 */
export const datasetsVersion = '0.0.0';

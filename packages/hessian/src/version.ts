/**
 * The version of @rg/hessian this build came from.
 *
 * @example
 * typeof hessianVersion // => 'string'
 */
export const hessianVersion = '0.0.0';

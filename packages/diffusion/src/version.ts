/**
 * The version of @rg/diffusion this build came from.
 *
 * @example
 * typeof diffusionVersion // => 'string'
 */
export const diffusionVersion = '0.0.0';

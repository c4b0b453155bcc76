/**
 * The version of @rg/policy-gradient this build came from.
 *
 * @example
 * typeof policyGradientVersion // => 'string'
 */
export const policyGradientVersion = '0.0.0';

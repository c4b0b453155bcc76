/**
 * The version of @rg/games this build came from.
 *
 * @example
 * typeof gamesVersion // => 'string'
 */
export const gamesVersion = '0.0.0';

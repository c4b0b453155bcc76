// Public surface of @rg/games: named re-exports only.
export { gamesVersion } from './version.js';

import type { UserConfig } from 'vitest/config';
/** Shared Vitest configuration; `overrides` are deep-merged into it. */
export declare function rgVitestConfig(overrides?: UserConfig): UserConfig;

import { describe, expect, it } from 'vitest';
import { PACKAGES } from './descriptions.mjs';
import { KNOWN_FAILURES } from './known-failures.mjs';
import { runPackage } from './run-package.mjs';

// One test per package: every finding must be listed in known-failures.mjs with a reason, and
// every listed failure must still occur (so the list shrinks as fixes land).
// RG_FUZZ_PACKAGES=linalg,ot runs a subset (the known-failures check then covers that subset).
const selected = process.env.RG_FUZZ_PACKAGES?.split(',') ?? PACKAGES;

describe('fuzz: bad inputs to every public export', () => {
  for (const pkg of selected)
    it(`@rg/${pkg}: typed errors naming the function, no hang, no allocation past the guard, no mutation, determinism`, async () => {
      const { cases, findings } = await runPackage(pkg);
      expect(cases).toBeGreaterThan(0);
      const found = new Map(findings.map((f) => [f.key, f]));
      const unexpected = findings
        .filter((f) => KNOWN_FAILURES[f.key]?.category !== f.category)
        .map((f) => `${f.key} [${f.category}] ${f.detail}`);
      const fixed = Object.keys(KNOWN_FAILURES)
        .filter((k) => k.startsWith(`${pkg}:`) && !found.has(k))
        .map((k) => `${k} no longer fails: remove it from src/packages/${pkg}.mjs`);
      expect([...unexpected, ...fixed]).toEqual([]);
    }, 600_000);
});

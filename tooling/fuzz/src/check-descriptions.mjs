// Lint: every runtime export of every package has a description, and no description names
// an export that no longer exists. Runs against the built packages (turbo builds them first).
import { DESCRIPTIONS, describedExports, PACKAGES } from './descriptions.mjs';
import { parseDescription } from './cases.mjs';

const problems = [];
for (const pkg of PACKAGES) {
  const mod = await import(`@rg/${pkg}`);
  const described = describedExports(pkg);
  for (const name of Object.keys(mod))
    if (!described.has(name))
      problems.push(
        `@rg/${pkg}: export '${name}' has no description in tooling/fuzz/src/packages/${pkg}.mjs (draft one with npm run draft)`,
      );
  for (const name of described) {
    // a warning only: exports being added in parallel branches may not be built yet
    if (!(name in mod)) console.warn(`@rg/${pkg}: '${name}' is described but not exported`);
    const d = parseDescription(DESCRIPTIONS[pkg][name]);
    if (name in mod && d.kind === 'call' && typeof mod[name] !== 'function')
      problems.push(`@rg/${pkg}: '${name}' is described as callable but is a ${typeof mod[name]}`);
  }
}
for (const pkg of Object.keys(DESCRIPTIONS))
  if (!PACKAGES.includes(pkg)) problems.push(`descriptions for unknown package ${pkg}`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`fuzz descriptions: ok (${PACKAGES.length} packages)`);

#!/usr/bin/env node
// rg-package-shape [dir...]: fail when a package departs from the shape in CONVENTIONS.md.
import { resolve } from 'node:path';
import { checkPackage } from './shape.mjs';

const dirs = process.argv.slice(2);
let failed = 0;
for (const d of dirs.length ? dirs : ['.']) {
  const dir = resolve(d);
  const problems = checkPackage(dir);
  if (problems.length) {
    failed++;
    console.error(`package shape: ${dir}`);
    for (const p of problems) console.error(`  - ${p}`);
  }
}
if (failed) process.exit(1);
console.log(`package shape: ok (${dirs.length || 1} package${dirs.length > 1 ? 's' : ''})`);

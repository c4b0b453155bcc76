// Shared helpers for the root scripts (test, demo, gallery, smoke). They run
// with plain Node 20 + npm: pnpm comes through `npx -y pnpm@<pinned>`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rootPkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
export const PNPM_SPEC = rootPkg.packageManager; // e.g. pnpm@12.4.2

/** Run a command, streaming its output; returns the exit status. */
export function run(cmd, args, options = {}) {
  // Workspace binaries (turbo, and the pinned pnpm that turbo looks for) come first on PATH.
  const env = {
    ...process.env,
    PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    TURBO_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options, env });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

/** Run pnpm (through npx with the pinned version). */
export function pnpm(args, options = {}) {
  return run('npx', ['-y', PNPM_SPEC, ...args], options);
}

/** Install the workspace unless node_modules is already in sync with the lockfile. */
export function install() {
  const frozen = existsSync(join(ROOT, 'pnpm-lock.yaml')) ? ['--frozen-lockfile'] : [];
  const status = pnpm(['install', ...frozen, '--reporter=append-only']);
  if (status !== 0) {
    console.error('install failed');
    process.exit(status);
  }
}

/** Run a workspace binary (turbo, tsx, ...) from node_modules/.bin. */
export function bin(name, args, options = {}) {
  return run(join(ROOT, 'node_modules', '.bin', name), args, options);
}

/** Directories of the workspace packages that hold a package.json. */
export function workspaceDirs(groups = ['packages', 'tooling', 'apps']) {
  const out = [];
  for (const g of groups) {
    const base = join(ROOT, g);
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base).sort()) {
      if (existsSync(join(base, name, 'package.json'))) out.push(join(base, name));
    }
  }
  return out;
}

/** A one-line progress bar on stderr (no dependency, safe in CI logs). */
export function progressBar(total, label = '') {
  const width = 28;
  const tty = process.stderr.isTTY;
  let done = 0;
  const draw = (message) => {
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label} ${message ?? ''}`;
    if (tty) process.stderr.write(`\r${bar.padEnd(100).slice(0, 100)}`);
    else process.stderr.write(`${bar}\n`);
  };
  return {
    tick(message) {
      done++;
      draw(message);
    },
    update(message) {
      draw(message);
    },
    end() {
      if (tty) process.stderr.write('\n');
    },
  };
}

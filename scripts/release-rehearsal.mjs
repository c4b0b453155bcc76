#!/usr/bin/env node
// Release rehearsal on a real (local) npm registry. Never touches the real tree:
//
//  1. copies the workspace (tracked and untracked-not-ignored files) into a temporary folder,
//     links it offline from the pnpm store, builds every package there from clean and makes
//     it a git repository;
//  2. starts Verdaccio (pinned) on 127.0.0.1 with `publish: $all`; @rg/* is served only from
//     this registry, everything else is proxied to the registry npm is configured with;
//  3. in a second, bare copy holding only a linalg patch changeset, runs `changeset version`
//     and checks that every package depending on @rg/linalg (directly or not) gets a bump;
//  4. in the copy, runs `changeset version` on the pending changesets and `changeset publish`
//     against the local registry;
//  5. fetches every published tarball back and checks it: no build caches (*.tsbuildinfo,
//     .turbo), no tests, no workspace:/catalog: ranges, and every source map resolves (each
//     source has `sourcesContent` or is a file inside the tarball);
//  6. installs each package alone into an empty project from the registry with npm, timing
//     the install and measuring node_modules; checks that exactly the @rg packages in the
//     package's dependency closure come along and no development tool does; @rg/gpu is
//     installed twice (default, and with --omit=optional, headless GL left out);
//  7. installs @rg/spd@<version> and runs a program whose answers are closed forms.
//
// Prints one table (install time, size, packages per package) and ends with
// `release rehearsal: N passed, N failed`.
// Usage: node scripts/release-rehearsal.mjs [--keep] [--reuse-dist]
import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { PNPM_SPEC, ROOT } from './lib.mjs';

const VERDACCIO = 'verdaccio@6.8.0';
const keep = process.argv.includes('--keep');
const t0 = Date.now();
const work = mkdtempSync(join(tmpdir(), 'rg-release-'));
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  return ok;
};
const log = (msg) => console.log(`rehearsal: ${msg}`);

function sh(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 15 * 60_000,
    ...options,
  });
  if (r.error) throw r.error;
  return r;
}
function mustSh(cmd, args, options = {}) {
  const r = sh(cmd, args, options);
  if (r.status !== 0)
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const readJson = (f) => JSON.parse(readFileSync(f, 'utf8'));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

function duBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) total += duBytes(p);
    else if (st.isFile()) total += st.size;
  }
  return total;
}

/** Installed package folders under node_modules (name -> version), nested ones included. */
function installedPackages(nodeModules) {
  const out = new Map();
  const visit = (dir) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      if (name.startsWith('@')) {
        for (const sub of readdirSync(p)) visitPkg(join(p, sub));
      } else visitPkg(p);
    }
  };
  const visitPkg = (p) => {
    const pj = join(p, 'package.json');
    if (!existsSync(pj)) return;
    const j = readJson(pj);
    out.set(`${j.name}@${j.version}`, j.name);
    visit(join(p, 'node_modules'));
  };
  visit(nodeModules);
  return out;
}

// ---- 1. the copy -------------------------------------------------------------------------
const copy = join(work, 'repo');
const files = mustSh('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
  cwd: ROOT,
})
  .stdout.split('\0')
  .filter(Boolean);
for (const f of files) {
  const src = join(ROOT, f);
  if (!existsSync(src)) continue; // deleted in the work tree, not yet committed
  mkdirSync(dirname(join(copy, f)), { recursive: true });
  cpSync(src, join(copy, f));
}
const pkgDirs = readdirSync(join(copy, 'packages'))
  .filter((d) => existsSync(join(copy, 'packages', d, 'package.json')))
  .sort();
// pnpm publish resolves workspace:* from the installed workspace: link it, offline, from
// the pnpm store that installing the real tree filled (no download, no install scripts).
const tInstall = Date.now();
mustSh(
  'npx',
  [
    '-y',
    PNPM_SPEC,
    'install',
    '--offline',
    '--frozen-lockfile',
    '--ignore-scripts',
    '--reporter=silent',
  ],
  { cwd: copy },
);
// A clean build in the copy, as a release would make it: stale files in the real tree's
// dist/ (caches, maps of an older configuration) cannot reach the tarballs, and what is
// checked below is what the build settings produce. --reuse-dist copies the real tree's
// dist/ folders instead (quicker, for iterating on this script).
const tBuild = Date.now();
if (process.argv.includes('--reuse-dist')) {
  for (const d of pkgDirs)
    cpSync(join(ROOT, 'packages', d, 'dist'), join(copy, 'packages', d, 'dist'), {
      recursive: true,
    });
} else {
  mustSh(
    'npx',
    [
      '-y',
      PNPM_SPEC,
      '-r',
      '--workspace-concurrency=2',
      '--filter',
      './packages/**',
      'run',
      'build',
    ],
    { cwd: copy },
  );
}
const git = (args) => mustSh('git', args, { cwd: copy });
git(['init', '-q', '-b', 'main']);
git(['-c', 'user.email=rehearsal@localhost', '-c', 'user.name=rehearsal', 'add', '-A']);
git(['-c', 'user.email=rehearsal@localhost', '-c', 'user.name=rehearsal', 'commit', '-qm', 'copy']);
log(
  `copied ${files.length} files to ${copy}; workspace linked in ${((tBuild - tInstall) / 1000).toFixed(0)} s, ${pkgDirs.length} packages built in ${((Date.now() - tBuild) / 1000).toFixed(0)} s`,
);

const manifests = new Map(
  pkgDirs.map((d) => {
    const j = readJson(join(copy, 'packages', d, 'package.json'));
    return [j.name, { dir: d, json: j }];
  }),
);
/** @rg packages a user gets with `name`: its runtime dependency closure, itself included. */
function rgClosure(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const deps = manifests.get(name)?.json.dependencies ?? {};
  for (const dep of Object.keys(deps)) if (manifests.has(dep)) rgClosure(dep, seen);
  return seen;
}

// ---- 2. Verdaccio ----------------------------------------------------------------------------
const port = await freePort();
const registry = `http://127.0.0.1:${port}/`;
const upstream = mustSh('npm', ['config', 'get', 'registry']).stdout.trim();
const vdir = join(work, 'verdaccio');
mkdirSync(vdir, { recursive: true });
writeFileSync(
  join(vdir, 'config.yaml'),
  `storage: ${join(vdir, 'storage')}
auth:
  htpasswd:
    file: ${join(vdir, 'htpasswd')}
    max_users: -1
uplinks:
  upstream:
    url: ${upstream}
    timeout: 120s
packages:
  '@rg/*':
    access: $all
    publish: $all
    unpublish: $all
  '**':
    access: $all
    publish: $all
    proxy: upstream
max_body_size: 200mb
log: { type: stdout, format: pretty, level: warn }
`,
);
// One npm/pnpm user config for everything below: the local registry and a dummy token
// (Verdaccio lets $all publish; npm still wants some token before it sends a publish).
const npmrc = join(work, 'npmrc');
writeFileSync(
  npmrc,
  `registry=${registry}\n//127.0.0.1:${port}/:_authToken=rehearsal-dummy-token\n`,
);
writeFileSync(join(copy, '.npmrc'), readFileSync(npmrc));
const npmCache = join(work, 'npm-cache');
const env = {
  ...process.env,
  npm_config_registry: registry,
  NPM_CONFIG_USERCONFIG: npmrc,
  npm_config_cache: npmCache,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
  PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
};
log(`starting ${VERDACCIO} on ${registry}`);
// Its output goes to a file: the checks below block in spawnSync, and a pipe nobody reads
// would fill up and stall the registry.
const verdaccioLogFile = join(vdir, 'verdaccio.log');
const verdaccioOut = openSync(verdaccioLogFile, 'a');
const verdaccio = spawn(
  'npx',
  ['-y', VERDACCIO, '--config', join(vdir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
  {
    // npx itself must fetch Verdaccio from the usual registry, not from the one it starts.
    env: { ...process.env, npm_config_update_notifier: 'false' },
    stdio: ['ignore', verdaccioOut, verdaccioOut],
    detached: true,
  },
);
const verdaccioLog = () => readFileSync(verdaccioLogFile, 'utf8').slice(-4000);
const stopVerdaccio = () => {
  try {
    process.kill(-verdaccio.pid, 'SIGTERM');
  } catch {}
};
process.on('exit', stopVerdaccio);

let up = false;
const startWait = Date.now();
while (Date.now() - startWait < 180_000) {
  try {
    const r = await fetch(`${registry}-/ping`);
    if (r.ok) {
      up = true;
      break;
    }
  } catch {}
  if (verdaccio.exitCode !== null) break;
  await new Promise((r) => setTimeout(r, 500));
}
if (!check('Verdaccio answers /-/ping', up, `${((Date.now() - startWait) / 1000).toFixed(1)} s`)) {
  console.error(verdaccioLog());
  finish();
}

try {
  // ---- 3. a patch to linalg bumps its dependants -------------------------------------------
  {
    const bare = join(work, 'bare');
    mkdirSync(join(bare, '.changeset'), { recursive: true });
    for (const f of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json'])
      cpSync(join(copy, f), join(bare, f));
    for (const f of files.filter((x) => /^(packages|tooling|apps)\/[^/]+\/package\.json$/.test(x)))
      cpSync(join(copy, f), join(bare, f), { recursive: true });
    writeFileSync(
      join(bare, '.changeset', 'rehearsal-linalg-patch.md'),
      '---\n"@rg/linalg": patch\n---\n\nRehearsal: a patch to linalg.\n',
    );
    const before = new Map(
      [...manifests].map(([name, { dir }]) => [
        name,
        readJson(join(bare, 'packages', dir, 'package.json')).version,
      ]),
    );
    mustSh(bin('changeset'), ['version'], { cwd: bare, env });
    const dependants = [...manifests.keys()].filter(
      (n) => n !== '@rg/linalg' && rgClosure(n).has('@rg/linalg'),
    );
    const notBumped = [];
    for (const n of ['@rg/linalg', ...dependants]) {
      const after = readJson(join(bare, 'packages', manifests.get(n).dir, 'package.json')).version;
      if (after === before.get(n)) notBumped.push(n);
    }
    const untouched = [...manifests.keys()].filter(
      (n) =>
        n !== '@rg/linalg' &&
        !dependants.includes(n) &&
        readJson(join(bare, 'packages', manifests.get(n).dir, 'package.json')).version !==
          before.get(n),
    );
    check(
      'a patch changeset to @rg/linalg bumps linalg and every package that depends on it',
      notBumped.length === 0 && untouched.length === 0,
      notBumped.length || untouched.length
        ? `not bumped: ${notBumped.join(', ') || '—'}; bumped without depending on linalg: ${untouched.join(', ') || '—'}`
        : `${dependants.length} dependants bumped (${dependants.map((n) => n.replace('@rg/', '')).join(', ')})`,
    );
  }

  // ---- 4. changeset version + publish in the copy --------------------------------------------
  const pending = readdirSync(join(copy, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  ).length;
  const ver = sh(bin('changeset'), ['version'], { cwd: copy, env });
  check('changeset version (in the copy)', ver.status === 0, `${pending} pending changesets`);
  if (ver.status !== 0) console.error(ver.stdout, ver.stderr);
  const versions = new Map(
    [...manifests].map(([name, { dir }]) => [
      name,
      readJson(join(copy, 'packages', dir, 'package.json')).version,
    ]),
  );
  const tPub = Date.now();
  const pub = sh(bin('changeset'), ['publish'], { cwd: copy, env });
  const published = [];
  for (const [name, v] of versions) {
    const r = sh('npm', ['view', `${name}@${v}`, 'version'], { cwd: work, env });
    if (r.status === 0 && r.stdout.trim() === v) published.push(name);
  }
  check(
    'changeset publish to the local registry',
    pub.status === 0 && published.length === versions.size,
    `${published.length}/${versions.size} packages at their new versions in ${((Date.now() - tPub) / 1000).toFixed(0)} s`,
  );
  if (pub.status !== 0 || published.length !== versions.size)
    console.error(pub.stdout.slice(-4000), pub.stderr.slice(-4000), verdaccioLog());

  // ---- 5. the published tarballs ---------------------------------------------------------------
  const packs = join(work, 'packs');
  mkdirSync(packs, { recursive: true });
  const tarProblems = [];
  const tarSizes = new Map();
  for (const name of published) {
    const spec = `${name}@${versions.get(name)}`;
    const r = sh('npm', ['pack', spec, '--json', '--pack-destination', packs], { cwd: work, env });
    if (r.status !== 0) {
      tarProblems.push(`${spec}: npm pack failed`);
      continue;
    }
    const info = JSON.parse(r.stdout)[0];
    tarSizes.set(name, info.size);
    const dir = join(packs, name.replace('@rg/', ''));
    mkdirSync(dir, { recursive: true });
    mustSh('tar', ['-xzf', join(packs, info.filename), '-C', dir]);
    const root = join(dir, 'package');
    const list = info.files.map((f) => f.path);
    for (const f of list) {
      if (/(^|\/)(\.turbo|\.vitest|node_modules)\/|\.tsbuildinfo$/.test(f))
        tarProblems.push(`${spec} ships a build cache: ${f}`);
      if (/\.test\.(js|d\.ts)$/.test(f)) tarProblems.push(`${spec} ships a test: ${f}`);
    }
    const m = readJson(join(root, 'package.json'));
    for (const [dep, range] of Object.entries({ ...m.dependencies, ...m.peerDependencies }))
      if (/^(workspace|catalog):/.test(String(range)))
        tarProblems.push(`${spec}: ${dep} published as ${range}`);
    for (const f of list.filter((x) => x.endsWith('.map'))) {
      const map = readJson(join(root, f));
      (map.sources ?? []).forEach((s, i) => {
        if (typeof map.sourcesContent?.[i] === 'string') return;
        const target = normalize(join(dirname(f), map.sourceRoot ?? '', s));
        if (!list.includes(target))
          tarProblems.push(
            `${spec}: ${f} points at ${s}, which is neither in the tarball nor inlined`,
          );
      });
    }
  }
  const shown = tarProblems.slice(0, 12).join('\n       ');
  check(
    'tarballs: no build caches or tests, no workspace ranges, every source map resolves',
    tarProblems.length === 0 && tarSizes.size === versions.size,
    tarProblems.length
      ? `${tarProblems.length} problem(s):\n       ${shown}`
      : `${tarSizes.size} of ${versions.size} tarballs checked`,
  );

  // ---- 6. install each package alone ----------------------------------------------------------
  const devTools = new Set(
    [...manifests.values()].flatMap(({ json }) => Object.keys(json.devDependencies ?? {})),
  );
  const rows = [];
  const installOne = (label, spec, name, extra = []) => {
    const dir = join(work, 'consumers', label.replace(/[^\w.-]+/g, '_'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    const s = Date.now();
    const r = sh('npm', ['install', spec, '--loglevel=error', ...extra], { cwd: dir, env });
    const seconds = (Date.now() - s) / 1000;
    if (r.status !== 0) {
      rows.push({ label, ok: false, seconds, error: r.stderr.slice(-600) });
      return null;
    }
    const installed = installedPackages(join(dir, 'node_modules'));
    const names = new Set(installed.values());
    const rg = [...names].filter((n) => n.startsWith('@rg/')).sort();
    const want = [...rgClosure(name)].sort();
    const tools = [...names].filter((n) => devTools.has(n) && !n.startsWith('@rg/'));
    rows.push({
      label,
      ok: true,
      seconds,
      mb: duBytes(join(dir, 'node_modules')) / 2 ** 20,
      count: installed.size,
      rgOk: JSON.stringify(rg) === JSON.stringify(want),
      rg,
      want,
      tools,
    });
    return dir;
  };
  let spdDir = null;
  for (const name of published) {
    const spec = `${name}@${versions.get(name)}`;
    if (name === '@rg/gpu') {
      // gl's install script builds headless GL with node-gyp (minutes); scripts are skipped
      // here and the sizes are what lands on disk before any native build.
      installOne(`${name} (default, --ignore-scripts)`, spec, name, ['--ignore-scripts']);
      installOne(`${name} (--omit=optional)`, spec, name, ['--omit=optional', '--ignore-scripts']);
    } else {
      const dir = installOne(name, spec, name);
      if (name === '@rg/spd') spdDir = dir;
    }
  }
  console.log('\n  package                                   install s     size MB  packages');
  for (const r of rows)
    console.log(
      `  ${r.label.padEnd(40)} ${r.seconds.toFixed(1).padStart(10)} ${r.ok ? r.mb.toFixed(1).padStart(11) : '     failed'} ${r.ok ? String(r.count).padStart(9) : ''}`,
    );
  console.log(
    `  (npm ${mustSh('npm', ['--version']).stdout.trim()}, one npm cache shared by the installs, cold at the first; third-party packages through the registry's proxy)\n`,
  );
  const failedInstalls = rows.filter((r) => !r.ok);
  check(
    'every package installs alone from the registry',
    failedInstalls.length === 0 && rows.length === versions.size + 1,
    failedInstalls.map((r) => `${r.label}: ${r.error}`).join('\n'),
  );
  const badFootprint = rows.filter((r) => r.ok && (!r.rgOk || r.tools.length));
  check(
    'installed footprint: exactly the @rg packages in the dependency closure, no development tools',
    badFootprint.length === 0 && rows.some((r) => r.ok),
    badFootprint
      .map(
        (r) =>
          `${r.label}: @rg installed [${r.rg.join(', ')}], expected [${r.want.join(', ')}]${r.tools.length ? `; dev tools: ${r.tools.join(', ')}` : ''}`,
      )
      .join('\n'),
  );

  // ---- 7. a program against @rg/spd@<version> --------------------------------------------------
  if (spdDir) {
    writeFileSync(
      join(spdDir, 'main.mjs'),
      `import { affineInvariant, frechetMean } from '@rg/spd';
import { fromRows, identity } from '@rg/linalg';
// Closed forms: d_AIRM(I, 2I) = sqrt(n)·ln 2; the AIRM mean of diag(1, 4) and diag(4, 1) is 2I.
const d = affineInvariant.distance(identity(2), fromRows([[2, 0], [0, 2]]));
const { mean } = frechetMean([fromRows([[1, 0], [0, 4]]), fromRows([[4, 0], [0, 1]])], affineInvariant);
const ok = Math.abs(d - Math.SQRT2 * Math.LN2) < 1e-12 &&
  [2, 0, 0, 2].every((v, i) => Math.abs(mean.data[i] - v) < 1e-9);
console.log(JSON.stringify({ d, mean: Array.from(mean.data), ok }));
process.exit(ok ? 0 : 1);
`,
    );
    const r = sh(process.execPath, ['main.mjs'], { cwd: spdDir, env });
    check(
      `a program against @rg/spd@${versions.get('@rg/spd')} installed from the registry`,
      r.status === 0,
      (r.stdout + r.stderr).trim(),
    );
  } else check('a program against @rg/spd installed from the registry', false, 'not installed');
} catch (err) {
  check('rehearsal ran to the end', false, err?.stack ?? String(err));
}
finish();

function finish() {
  stopVerdaccio();
  if (keep) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  log(`took ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  console.log(`release rehearsal: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

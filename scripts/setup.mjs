#!/usr/bin/env node
// Brings a fresh clone up to what `npm start` or `npm test` needs, and does nothing when it is
// already there. Plain Node with no packages: it runs before node_modules exists.
//
//   node scripts/setup.mjs start   npm packages, Java 17+ and Maven
//   node scripts/setup.mjs test    the same, plus Debian's Chromium for the browser tests
//
// Neo4j's own Java artifacts are fetched by Maven on first use of the local server (see
// graph/neo4j/launcher.ts), so they are cached once and shared by start, test and bench.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const purpose = process.argv[2] ?? 'start';
if (purpose !== 'start' && purpose !== 'test') {
  console.error(`setup: expected "start" or "test", got "${purpose}"`);
  process.exit(2);
}

const say = (line) => console.error(`[setup] ${line}`);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    say(`"${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

let aptUpdated = false;
function aptInstall(packages, why) {
  if (!isRoot || !hasCommand('apt-get')) {
    say(
      `${why} is missing. Install it first, e.g. on Debian: sudo apt-get install ${packages.join(' ')}`,
    );
    process.exit(1);
  }
  say(`${why} is missing: installing ${packages.join(' ')} with apt-get`);
  if (!aptUpdated) {
    run('apt-get', ['update', '-qq']);
    aptUpdated = true;
  }
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages]);
}

// npm packages: install when node_modules is absent or older than the lock file.
function npmPackagesCurrent() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(join(root, 'package-lock.json')).mtimeMs;
}
if (!npmPackagesCurrent()) {
  // `npm ci`: exactly the lock file, which it never rewrites, so set-up leaves the checkout as it
  // was. Install scripts follow package.json's allowScripts (none is needed: esbuild's binary
  // comes as an optional package, core-js's script only prints a banner).
  say('installing npm packages (npm ci, as locked)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// Java 17+ and Maven run the embedded Neo4j.
function javaMajorVersion() {
  if (!hasCommand('java')) return 0;
  const banner = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr ?? '';
  const match = /version "(\d+)(?:\.(\d+))?/.exec(banner);
  if (!match) return 0;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}
if (javaMajorVersion() < 17) aptInstall(['openjdk-17-jre-headless'], 'Java 17 or newer');
if (!hasCommand('mvn')) aptInstall(['maven'], 'Maven');

// Browser tests drive Debian's Chromium; no test tool may download a browser of its own.
if (purpose === 'test') {
  const chromium = process.env.GUATU_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) aptInstall(['chromium'], `Chromium (${chromium})`);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
say(
  `ready for ${purpose} (${pkg.name} ${pkg.version}, java ${javaMajorVersion()}, ${stripVTControlCharacters(
    execFileSync(
      'mvn',
      ['-B', '-v'],
      // Maven writes a colour reset to stderr even in batch mode: keep it off the planner's terminal.
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    ).split('\n')[0] ?? '',
  )})`,
);

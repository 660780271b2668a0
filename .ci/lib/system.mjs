// Machine setup shared by `npm start` and `npm test`: Debian packages, npm dependencies, the
// Apertium APy server, and child processes that must not outlive us. Node builtins only, because
// this runs before `npm ci` has had a chance to install anything.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const APY_MODES_DIR = '/usr/share/apertium/modes';

/** An error whose message is already meant for the person at the terminal: no stack needed. */
export class SetupError extends Error {
  name = 'SetupError';
}

export function log(message) {
  console.log(`\x1b[36m[interlinear]\x1b[0m ${message}`);
}

export function warn(message) {
  console.error(`\x1b[33m[interlinear]\x1b[0m ${message}`);
}

export function sleep(ms) {
  return new Promise((done) => setTimeout(done, ms));
}

export function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of the JS entry behind node_modules/.bin/<name>, so it runs with this node. */
export function localBin(name) {
  const link = join(repoRoot, 'node_modules', '.bin', name);
  if (!existsSync(link)) {
    throw new SetupError(`node_modules/.bin/${name} is missing; run \`npm ci\` in ${repoRoot}.`);
  }
  return realpathSync(link);
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

const liveChildren = new Set();

/**
 * Each child gets its own process group so that stopping it also stops whatever it spawned
 * (APy's lt-proc pipelines, Playwright's browsers). The flip side is that the terminal's Ctrl+C
 * no longer reaches it directly, so callers forward signals with `signalChildren`. stdin is
 * closed: a background process group reading the terminal would be stopped by SIGTTIN.
 */
export function spawnGroup(command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
    detached: true,
  });
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
  child.once('error', () => liveChildren.delete(child));
  return child;
}

function killGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

export function signalChildren(signal) {
  for (const child of liveChildren) killGroup(child, signal);
}

/** Politely stop a child's whole group, then insist. */
export async function stopGroup(child, { signal = 'SIGTERM', graceMs = 5000 } = {}) {
  if (child.exitCode !== null || child.signalCode !== null) {
    // The leader is gone but its group may not be (e.g. orphaned pipeline processes).
    killGroup(child, 'SIGKILL');
    return;
  }
  const exited = new Promise((done) => child.once('exit', done));
  killGroup(child, signal);
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
  killGroup(child, 'SIGKILL');
}

// A last resort for paths that exit without running async cleanup (uncaught errors,
// process.exit from elsewhere): `exit` handlers can only do synchronous work, and kill is.
// SIGTERM rather than SIGKILL so Playwright still gets to stop the web server it started.
process.on('exit', () => signalChildren('SIGTERM'));

/** Run a command to completion with streamed output; resolves with its exit status. */
export function run(command, args, options = {}) {
  return new Promise((done) => {
    const child = spawnGroup(command, args, options);
    child.once('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      done({ code: 127, signal: null });
    });
    child.once('exit', (code, signal) => done({ code, signal }));
  });
}

// ---------------------------------------------------------------------------------------------
// Debian packages
// ---------------------------------------------------------------------------------------------

// What each package must provide for the scripts to work. A binary is checked on PATH because
// that is what actually gets executed; data-only packages are checked with dpkg, or by a file
// they ship when dpkg is not available.
const PACKAGE_PROBES = {
  chromium: { bin: 'chromium', override: 'CHROMIUM_PATH' },
  'apertium-apy': { bin: 'apertium-apy' },
  'libxml2-utils': { bin: 'xmllint' },
  'apertium-eng-spa': { file: `${APY_MODES_DIR}/eng-spa.mode` },
  'apertium-eng-cat': { file: `${APY_MODES_DIR}/eng-cat.mode` },
  'fonts-noto-cjk': { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' },
};

function dpkgInstalled(packages) {
  const installed = new Set();
  if (!findOnPath('dpkg-query')) return installed;
  const result = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...packages], {
    encoding: 'utf8',
  });
  for (const line of (result.stdout ?? '').split('\n')) {
    const [name, ...status] = line.trim().split(/\s+/);
    if (name && status.join(' ') === 'install ok installed') installed.add(name);
  }
  return installed;
}

export function missingPackages(packages) {
  const installed = dpkgInstalled(packages);
  return packages.filter((pkg) => {
    const probe = PACKAGE_PROBES[pkg] ?? {};
    const override = probe.override && process.env[probe.override];
    if (override && isExecutable(override)) return false;
    if (probe.bin) return findOnPath(probe.bin) === null;
    if (installed.has(pkg)) return false;
    return !(probe.file && existsSync(probe.file));
  });
}

/**
 * INTERLINEAR_NO_APT=1 makes a root user behave like everyone else: report what is missing
 * instead of changing the system.
 */
function mayInstall() {
  return process.getuid?.() === 0 && process.env.INTERLINEAR_NO_APT !== '1';
}

export function installHint(packages) {
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  const list = packages.join(' ');
  return `Install them with:\n\n    ${sudo}apt-get update && ${sudo}apt-get install -y ${list}\n`;
}

let aptUpdated = false;

export async function ensurePackages(packages) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return { installed: [] };

  const list = missing.join(' ');
  if (!mayInstall() || !findOnPath('apt-get')) {
    throw new SetupError(`Missing system packages: ${list}\n${installHint(missing)}`);
  }

  log(`Installing system packages: ${list}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    const update = await run('apt-get', ['update'], { env });
    if (update.code !== 0) throw new SetupError('`apt-get update` failed (see output above).');
    aptUpdated = true;
  }
  const install = await run('apt-get', ['install', '-y', ...missing], { env });
  if (install.code !== 0) throw new SetupError(`\`apt-get install -y ${list}\` failed.`);

  const still = missingPackages(missing);
  if (still.length > 0) {
    const bins = still.map((pkg) => PACKAGE_PROBES[pkg]?.bin ?? pkg).join(', ');
    throw new SetupError(`Installed ${still.join(' ')}, but still cannot find: ${bins} (PATH?).`);
  }
  return { installed: missing };
}

// ---------------------------------------------------------------------------------------------
// npm dependencies
// ---------------------------------------------------------------------------------------------

const STAMP = join(repoRoot, 'node_modules', '.interlinear-install-stamp');

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(repoRoot, 'package-lock.json')))
    .digest('hex');
}

function installedVersion(path) {
  try {
    return JSON.parse(readFileSync(join(repoRoot, path, 'package.json'), 'utf8')).version ?? null;
  } catch {
    return null;
  }
}

/**
 * True when node_modules matches package-lock.json even though our stamp is absent or outdated,
 * e.g. after a plain `npm install`. Versions are read from disk because npm's hidden lockfile
 * can be rewritten without node_modules changing (`npm install --package-lock-only` does that);
 * the hidden lockfile is only used to spot packages the lockfile no longer wants.
 */
export function hiddenLockfileMatches() {
  const hiddenPath = join(repoRoot, 'node_modules', '.package-lock.json');
  if (!existsSync(hiddenPath)) return false;
  try {
    const wanted = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')).packages;
    const have = JSON.parse(readFileSync(hiddenPath, 'utf8')).packages;
    if (!wanted || !have) return false;
    for (const [path, meta] of Object.entries(wanted)) {
      if (!path.startsWith('node_modules/')) continue;
      if (meta.link) {
        if (!existsSync(join(repoRoot, path))) return false;
        continue;
      }
      const version = installedVersion(path);
      // Other platforms' native binaries are optional and legitimately absent.
      if (version === null && (meta.optional || meta.devOptional)) continue;
      if (version !== meta.version) return false;
    }
    return Object.keys(have).every((path) => path in wanted);
  } catch {
    return false;
  }
}

export async function ensureNpmDeps() {
  const nodeModules = join(repoRoot, 'node_modules');
  const hash = lockHash();
  if (existsSync(nodeModules)) {
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === hash) return { ran: false };
    if (hiddenLockfileMatches()) {
      writeFileSync(STAMP, `${hash}\n`);
      return { ran: false };
    }
    log('node_modules does not match package-lock.json; running `npm ci`.');
  } else {
    log('node_modules is missing; running `npm ci`.');
  }
  const npm = findOnPath('npm');
  if (!npm) throw new SetupError('npm is not on PATH.');
  const result = await run(npm, ['ci']);
  if (result.code !== 0) throw new SetupError('`npm ci` failed (see output above).');
  // A lockfile without dependencies leaves no node_modules behind.
  mkdirSync(nodeModules, { recursive: true });
  writeFileSync(STAMP, `${hash}\n`);
  return { ran: true };
}

// ---------------------------------------------------------------------------------------------
// HTTP and ports
// ---------------------------------------------------------------------------------------------

/** One GET; resolves with status and body, or null when nothing answers in time. */
export function httpProbe(url, timeoutMs = 2000) {
  return new Promise((done) => {
    const request = httpGet(url, { timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      response.on('error', () => done(null));
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => done(null));
  });
}

/**
 * Poll until `url` answers with a 2xx (and `accept(body)` agrees). Resolves false on timeout or
 * as soon as `stillHopeful()` says waiting is pointless (e.g. the server process died).
 */
export async function waitForHttp(url, timeoutMs, { accept = () => true, stillHopeful } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = deadline - Date.now();
    const answer = await httpProbe(url, Math.max(250, Math.min(2000, left)));
    if (answer && answer.status >= 200 && answer.status < 300 && accept(answer.body)) return true;
    if (stillHopeful && !stillHopeful()) return false;
    if (Date.now() >= deadline) return false;
    await sleep(Math.min(300, Math.max(0, deadline - Date.now())));
  }
}

export function isPortFree(port, host = '127.0.0.1') {
  return new Promise((done) => {
    const server = createServer();
    server.unref();
    server.once('error', () => done(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => done(true)));
  });
}

export async function findFreePort(first, { host = '127.0.0.1', attempts = 20 } = {}) {
  for (let port = first; port < first + attempts; port++) {
    if (await isPortFree(port, host)) return port;
  }
  throw new SetupError(`No free TCP port in ${first}–${first + attempts - 1} on ${host}.`);
}

// ---------------------------------------------------------------------------------------------
// Apertium APy
// ---------------------------------------------------------------------------------------------

function looksLikeApyPairs(body) {
  try {
    return Array.isArray(JSON.parse(body).responseData);
  } catch {
    return false;
  }
}

/**
 * Make sure an APy answers on `port`. One that is already running is reused and left alone;
 * otherwise we start one and the returned `stop()` ends it (and only it).
 */
export async function ensureApy({
  port = 2737,
  modesDir = APY_MODES_DIR,
  timeoutMs = 60_000,
} = {}) {
  const url = `http://localhost:${port}`;
  const pairsUrl = `${url}/listPairs`;
  const noop = { url, port, started: false, stop: async () => {} };

  const answer = await httpProbe(pairsUrl, 1500);
  if (answer?.status === 200 && looksLikeApyPairs(answer.body)) {
    log(`Reusing the APy server already answering at ${url}`);
    return noop;
  }
  if (!(await isPortFree(port, '0.0.0.0'))) {
    // Perhaps an APy still loading its modes: give it a while before calling the port taken.
    if (await waitForHttp(pairsUrl, 15_000, { accept: looksLikeApyPairs })) {
      log(`Reusing the APy server that came up at ${url}`);
      return noop;
    }
    throw new SetupError(
      `Port ${port} is taken by something that is not an APy server (no JSON from ${pairsUrl}).\n` +
        `Stop it, or choose another port with APY_PORT=<port>.`,
    );
  }
  const apy = findOnPath('apertium-apy');
  if (!apy) {
    throw new SetupError(
      `apertium-apy is not on PATH. ${installHint(['apertium-apy', 'apertium-eng-spa', 'apertium-eng-cat'])}`,
    );
  }
  if (!existsSync(modesDir))
    throw new SetupError(`Apertium modes directory ${modesDir} is missing.`);

  log(`Starting APy on port ${port} (${apy} -p ${port} ${modesDir})`);
  // APy refuses to start without a UTF-8 locale.
  const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PYTHONUNBUFFERED: '1' };
  const child = spawnGroup(apy, ['-p', String(port), modesDir], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  // Keep APy's recent output to explain a failure; it is noise otherwise.
  const tail = [];
  const remember = (chunk) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 30) tail.shift();
    }
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  let spawnError = null;
  child.once('error', (error) => (spawnError = error));

  const started = Date.now();
  const ready = await waitForHttp(pairsUrl, timeoutMs, {
    accept: looksLikeApyPairs,
    stillHopeful: () => spawnError === null && child.exitCode === null && child.signalCode === null,
  });
  if (!ready) {
    const why = spawnError
      ? `could not be started: ${spawnError.message}`
      : child.exitCode !== null || child.signalCode !== null
        ? `exited (${child.exitCode ?? child.signalCode}) before answering`
        : `did not answer ${pairsUrl} within ${Math.round(timeoutMs / 1000)} s`;
    await stopGroup(child, { graceMs: 2000 });
    const output = tail.length ? tail.map((line) => `    ${line}`).join('\n') : '    (no output)';
    throw new SetupError(`APy ${why}.\nLast lines of its output:\n${output}`);
  }
  log(`APy is up at ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let stopping = null;
  return {
    url,
    port,
    started: true,
    pid: child.pid,
    stop: () => (stopping ??= stopGroup(child)),
  };
}

/** Format a duration for humans: 850 ms, 12.3 s, 2 min 05 s. */
export function formatDuration(ms) {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

// The build is stale when dist/index.html is older than any build input (npm start and the bench).
const BUILD_INPUTS = [
  'src',
  'locales',
  'public',
  'index.html',
  'vite.config.ts',
  'package-lock.json',
];

function newestMtime(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  // A directory's own mtime changes when files are added or removed, which also needs a rebuild.
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why dist/ needs building (missing, or older than a build input), or null when it is current. */
export function staleBuildReason() {
  let built;
  try {
    built = statSync(join(repoRoot, 'dist', 'index.html')).mtimeMs;
  } catch {
    return 'dist/ has not been built yet';
  }
  const newest = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(repoRoot, input))));
  return newest > built ? 'sources changed since the last build' : null;
}

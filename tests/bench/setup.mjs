// What the measurements stand on: an up-to-date production build, a `vite preview` of a copy of
// it, an APy that has warmed up, and one list of things to undo when the bench ends, however it
// ends (finished, failed or interrupted).

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SetupError,
  findFreePort,
  localBin,
  log,
  repoRoot,
  run,
  spawnGroup,
  staleBuildReason,
  stopGroup,
  waitForHttp,
} from '../../.ci/lib/system.mjs';

// ---------------------------------------------------------------------------------------------
// Clean-up: every process and temporary directory the bench creates is registered here.
// ---------------------------------------------------------------------------------------------

const undo = [];
let cleaning = null;

/** Registers `fn` to run at clean-up (last registered, first run); returns `fn`. */
export function atCleanup(fn) {
  undo.push(fn);
  return fn;
}

export function cleanup() {
  cleaning ??= (async () => {
    while (undo.length > 0) {
      const fn = undo.pop();
      await Promise.resolve()
        .then(fn)
        .catch(() => {});
    }
  })();
  return cleaning;
}

/** A temporary directory removed at clean-up. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  atCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Build: the same staleness rule as `npm start` (dist/index.html older than any build input).
// ---------------------------------------------------------------------------------------------

export async function ensureBuild({ build }) {
  const reason = staleBuildReason();
  if (!build) {
    if (reason === 'dist/ has not been built yet') throw new SetupError(`--no-build: ${reason}.`);
    return;
  }
  if (!reason) {
    log('dist/ is up to date.');
    return;
  }
  log(`Building the app (${reason})…`);
  const result = await run(process.execPath, [localBin('vite'), 'build', '--logLevel', 'warn']);
  if (result.code !== 0) throw new SetupError('`vite build` failed (see output above).');
}

// ---------------------------------------------------------------------------------------------
// Preview server and engine
// ---------------------------------------------------------------------------------------------

/**
 * Serves a copy of dist/: a build started meanwhile (`npm test` rebuilds dist/) would otherwise
 * swap files under the running bench. Resolves with the app's URL and the served directory.
 */
export async function startPreview() {
  const outDir = join(tempDir('interlinear-bench-'), 'dist');
  cpSync(join(repoRoot, 'dist'), outDir, { recursive: true });
  const port = await findFreePort(4417);
  const child = spawnGroup(
    process.execPath,
    [
      // The reader route carries a whole article in its address, as a share target does.
      '--max-http-header-size=4194304',
      localBin('vite'),
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  atCleanup(() => stopGroup(child));
  const url = `http://127.0.0.1:${port}/`;
  const up = await waitForHttp(url, 30_000, {
    stillHopeful: () => child.exitCode === null && child.signalCode === null,
  });
  if (!up) throw new SetupError(`vite preview did not start serving on port ${port}.`);
  return { url, distDir: outDir };
}

export async function warmApy(apyUrl) {
  // APy starts a pair's pipeline on its first request; no measurement should pay for that.
  const response = await fetch(`${apyUrl}/translate`, {
    method: 'POST',
    body: new URLSearchParams({ langpair: 'eng|spa', q: '<p>Warm up.</p>', format: 'html' }),
  });
  if (!response.ok)
    throw new SetupError(`APy did not translate a warm-up text (${response.status}).`);
  await response.text();
}

/** Reader preferences as the app stores them; a non-default engine address is passed along. */
export function readerPreferences({ apyUrl, targetLanguage, view }) {
  return {
    state: {
      targetLanguage,
      view,
      ...(!apyUrl || apyUrl === 'http://localhost:2737'
        ? {}
        : { providerSettings: { apertium: { endpoint: apyUrl } } }),
    },
    version: 1,
  };
}

export const PREFERENCES_KEY = 'interlinear:preferences';

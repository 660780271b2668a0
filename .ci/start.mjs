// `npm start`: get from a fresh clone to a running Interlinear in one command. Installs npm
// dependencies if needed, rebuilds dist/ when sources are newer, makes sure an Apertium APy
// server is answering, then serves the production build in the foreground until Ctrl+C.
//
// Environment: PORT (default 4173; the next free port is used if it is taken), APY_PORT
// (default 2737), INTERLINEAR_NO_APT=1 (never run apt-get, only print the command).

import {
  SetupError,
  ensureApy,
  ensureNpmDeps,
  ensurePackages,
  findFreePort,
  localBin,
  log,
  run,
  signalChildren,
  spawnGroup,
  staleBuildReason,
  stopGroup,
  waitForHttp,
  warn,
} from './lib/system.mjs';

function portFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SetupError(`${name}=${raw} is not a valid TCP port.`);
  }
  return port;
}

let preview = null;
let apy = null;
let shuttingDown = null;

function shutdown(code) {
  shuttingDown ??= (async () => {
    await Promise.all([preview && stopGroup(preview), apy?.stop()]);
    // Anything still starting up when the signal came (a build, an APy not yet answering).
    signalChildren('SIGTERM');
    process.exit(code);
  })();
  return shuttingDown;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!shuttingDown) log(`Stopping (${signal})…`);
    void shutdown(0);
  });
}

async function main() {
  const wantedPort = portFromEnv('PORT', 4173);
  const apyPort = portFromEnv('APY_PORT', 2737);

  await ensureNpmDeps();

  const reason = staleBuildReason();
  if (reason) {
    log(`Building the app (${reason})…`);
    const build = await run(process.execPath, [localBin('vite'), 'build']);
    if (build.code !== 0) throw new SetupError('`vite build` failed (see output above).');
  } else {
    log('dist/ is up to date; skipping the build.');
  }

  await ensurePackages(['apertium-apy', 'apertium-eng-spa', 'apertium-eng-cat']);
  apy = await ensureApy({ port: apyPort });

  const port = await findFreePort(wantedPort);
  if (port !== wantedPort) warn(`Port ${wantedPort} is taken; using ${port} instead.`);

  // Shared articles arrive as `?text=…` (the PWA share target is a GET): allow long addresses.
  preview = spawnGroup(process.execPath, [
    '--max-http-header-size=4194304',
    localBin('vite'),
    'preview',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--strictPort',
  ]);
  const previewExited = new Promise((done) =>
    preview.once('exit', (code, signal) => done({ code, signal })),
  );
  const up = await waitForHttp(`http://127.0.0.1:${port}/`, 30_000, {
    stillHopeful: () => preview.exitCode === null && preview.signalCode === null,
  });
  if (!up) throw new SetupError(`vite preview did not start serving on port ${port}.`);

  const engine = `${apy.url}  (${apy.started ? 'started by npm start' : 'already running, left alone'})`;
  console.log(
    [
      '',
      `  \x1b[1mInterlinear is running at http://localhost:${port}/\x1b[0m`,
      `  Translation engine (Apertium APy): ${engine}`,
      apyPort === 2737
        ? null
        : `  The app's default engine URL is http://localhost:2737; set it to ${apy.url} in the app's settings.`,
      '  Press Ctrl+C to stop.',
      '',
    ]
      .filter((line) => line !== null)
      .join('\n'),
  );

  const { code, signal } = await previewExited;
  if (!shuttingDown) {
    warn(`vite preview stopped unexpectedly (${code ?? signal}).`);
    await shutdown(code || 1);
  }
}

main().catch(async (error) => {
  if (error instanceof SetupError) {
    console.error(`\n\x1b[31m[interlinear]\x1b[0m ${error.message}`);
  } else {
    console.error(error);
  }
  await shutdown(1);
});

// `npm test`: every check CI runs, in order, stopping at the first failure. Sets up what it
// needs first (npm dependencies, Debian packages, an Apertium APy server for the end-to-end
// tests) and tears down whatever it started, also on failure and on Ctrl+C.
//
// Usage:
//   npm test                       format, lint, typecheck, unit tests, build, end-to-end
//   npm test -- --unit-only [...]  format, lint, typecheck, unit tests; extra args go to vitest
//   npm test -- --e2e-only [...]   build, APy, end-to-end; extra args go to `playwright test`
//                                  (e.g. `npm test -- --e2e-only tests/e2e/smoke.spec.ts`)
//
// Environment: APY_PORT (default 2737), APY_URL (use an external APy instead of starting one),
// E2E_PORT (preview server for the e2e tests; default: first free port from 4317),
// CHROMIUM_PATH (default /usr/bin/chromium), INTERLINEAR_NO_APT=1 (never run apt-get).

import {
  SetupError,
  ensureApy,
  ensureNpmDeps,
  ensurePackages,
  findFreePort,
  formatDuration,
  localBin,
  log,
  run,
  signalChildren,
  waitForHttp,
} from './lib/system.mjs';

const USAGE = 'Usage: npm test [-- --unit-only | --e2e-only] [args for vitest / playwright]';

function parseArgs(argv) {
  let mode = 'full';
  const extra = [];
  for (const arg of argv) {
    if (arg === '--unit-only' || arg === '--e2e-only') {
      const wanted = arg === '--unit-only' ? 'unit' : 'e2e';
      if (mode !== 'full' && mode !== wanted) throw new SetupError(`Pick one mode.\n${USAGE}`);
      mode = wanted;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      extra.push(arg);
    }
  }
  if (mode === 'full' && extra.length > 0) {
    throw new SetupError(
      `Extra arguments (${extra.join(' ')}) need --unit-only or --e2e-only.\n${USAGE}`,
    );
  }
  return { mode, extra };
}

let apy = null;
let interrupted = false;

/** Run a local npm binary with this node, so PATH and npx play no part. */
async function tool(name, args, env) {
  const result = await run(process.execPath, [localBin(name), ...args], {
    env: { ...process.env, ...env },
  });
  if (interrupted) throw new Interrupted();
  if (result.code !== 0) {
    throw new StepFailed(`${name} exited with ${result.code ?? result.signal}`);
  }
}

class StepFailed extends Error {}
class Interrupted extends Error {}

function buildSteps({ mode, extra }) {
  const unit = mode !== 'e2e';
  const e2e = mode !== 'unit';
  // The integration tests talk to a real APy too, so every mode needs the engine.
  const systemPackages = ['libxml2-utils', 'apertium-apy', 'apertium-eng-spa', 'apertium-eng-cat'];
  if (e2e) systemPackages.push('chromium', 'fonts-noto-cjk');
  const e2eEnv = {};

  return [
    { name: 'npm dependencies', run: () => ensureNpmDeps() },
    { name: 'system packages', run: () => ensurePackages(systemPackages) },
    { name: 'prettier --check', enabled: unit, run: () => tool('prettier', ['--check', '.']) },
    {
      name: 'eslint',
      enabled: unit,
      run: () => tool('eslint', ['.', '--max-warnings=0']),
    },
    { name: 'tsc --noEmit', enabled: unit, run: () => tool('tsc', ['--noEmit', '-p', '.']) },
    {
      name: 'APy server',
      run: async () => {
        const external = process.env.APY_URL;
        if (external) {
          const url = external.replace(/\/+$/, '');
          if (!(await waitForHttp(`${url}/listPairs`, 10_000))) {
            throw new SetupError(`APY_URL=${external} does not answer /listPairs.`);
          }
          log(`Using the APy server at ${url} (APY_URL)`);
          e2eEnv.APY_URL = url;
          return;
        }
        const port = Number(process.env.APY_PORT || 2737);
        apy = await ensureApy({ port });
        e2eEnv.APY_URL = apy.url;
      },
    },
    {
      name: 'vitest run',
      enabled: unit,
      run: () => tool('vitest', ['run', ...(mode === 'unit' ? extra : [])], e2eEnv),
    },
    { name: 'vite build', enabled: e2e, run: () => tool('vite', ['build']) },
    {
      name: 'playwright test',
      enabled: e2e,
      run: async () => {
        // A fixed port would collide with a second run or a developer's own preview server.
        e2eEnv.E2E_PORT = process.env.E2E_PORT || String(await findFreePort(4317));
        log(`End-to-end: app on port ${e2eEnv.E2E_PORT}, APy at ${e2eEnv.APY_URL}`);
        await tool('playwright', ['test', ...(mode === 'e2e' ? extra : [])], e2eEnv);
      },
    },
  ];
}

function printSummary(results, totalMs) {
  const width = Math.max(...results.map((r) => r.name.length), 4) + 2;
  const colour = {
    passed: '\x1b[32m',
    FAILED: '\x1b[31m',
    interrupted: '\x1b[31m',
    'not run': '\x1b[2m',
    skipped: '\x1b[2m',
  };
  const lines = results.map((r) => {
    const time = r.ms === undefined ? '' : formatDuration(r.ms);
    return `  ${r.name.padEnd(width)}${colour[r.status]}${r.status.padEnd(13)}\x1b[0m${time}`;
  });
  console.log(
    [
      '',
      `  ${'Step'.padEnd(width)}${'Result'.padEnd(13)}Time`,
      ...lines,
      `  ${''.padEnd(width)}${''.padEnd(13)}${formatDuration(totalMs)} total`,
      '',
    ].join('\n'),
  );
}

async function main() {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  const steps = buildSteps(options);
  const results = [];
  let failed = null;

  const active = steps.filter((step) => step.enabled !== false);
  let index = 0;
  for (const step of steps) {
    if (step.enabled === false) {
      results.push({ name: step.name, status: 'skipped' });
      continue;
    }
    if (failed || interrupted) {
      results.push({ name: step.name, status: 'not run' });
      continue;
    }
    index += 1;
    console.log(`\n\x1b[1m━━ [${index}/${active.length}] ${step.name}\x1b[0m`);
    const stepStarted = Date.now();
    try {
      await step.run();
      results.push({ name: step.name, status: 'passed', ms: Date.now() - stepStarted });
    } catch (error) {
      const ms = Date.now() - stepStarted;
      if (interrupted || error instanceof Interrupted) {
        results.push({ name: step.name, status: 'interrupted', ms });
        continue;
      }
      failed = { step: step.name, error };
      results.push({ name: step.name, status: 'FAILED', ms });
      if (error instanceof SetupError)
        console.error(`\n\x1b[31m[interlinear]\x1b[0m ${error.message}`);
      else if (!(error instanceof StepFailed)) console.error(error);
    }
  }

  await apy?.stop();
  printSummary(results, Date.now() - started);

  if (interrupted) {
    console.error('\x1b[31mInterrupted.\x1b[0m');
    return 130;
  }
  if (failed) {
    const detail = failed.error instanceof StepFailed ? ` (${failed.error.message})` : '';
    console.error(`\x1b[31mFAILED at step "${failed.step}"${detail}.\x1b[0m`);
    return 1;
  }
  console.log('\x1b[32mAll steps passed.\x1b[0m');
  return 0;
}

// npm forwards the terminal's Ctrl+C as well, so one keypress can arrive twice; only a second
// press after a pause means "stop waiting for cleanup".
let firstInterrupt = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    const now = Date.now();
    if (interrupted && now - firstInterrupt > 1000) {
      signalChildren('SIGKILL');
      process.exit(130);
    }
    if (!interrupted) {
      interrupted = true;
      firstInterrupt = now;
      log(`${signal}: stopping the current step and cleaning up…`);
    }
    signalChildren(signal === 'SIGHUP' ? 'SIGTERM' : signal);
  });
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    if (error instanceof SetupError) console.error(`\x1b[31m[interlinear]\x1b[0m ${error.message}`);
    else console.error(error);
    await apy?.stop();
    process.exit(1);
  },
);

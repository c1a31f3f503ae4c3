// `npm test`: every check the project has, in one run, ending with one line `N passed, N failed, N skipped`.
// Order: kernels (AssemblyScript → WebAssembly), static checks (typecheck, lint) → unit and physics tests in Node
// (vitest) → production build →
// end-to-end tests in headless Chromium (Playwright against the built app). Each runner writes a JSON report;
// the static checks count as one test each. A failing step does not stop the later ones, so one run shows all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './support/find-chromium.mjs';

const REPORTS = 'test-results';
const started = Date.now();
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function elapsed() {
  return `${((Date.now() - started) / 1000).toFixed(0)}s`;
}

function run(title, command, args, env = {}) {
  console.log(`\n== [${elapsed()}] ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(title, command, args) {
  const ok = run(title, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(title);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

// The WebAssembly kernels are built from their AssemblyScript sources first: the tests, the build and the app use them.
check('WebAssembly kernels from source (asc)', 'npm', ['run', '-s', 'kernels']);
check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('typecheck physics (no DOM)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.physics.json']);
check('typecheck tests and configs', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('lint and format (biome)', 'npx', ['biome', 'ci', '.']);

const unitOk = run('unit and physics tests (vitest, Node)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${REPORTS}/unit.json`,
]);
const unit = readJson(`${REPORTS}/unit.json`);
if (unit) {
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + unit.numTodoTests;
  // A suite that failed to load has no failed tests but still failed.
  if (!unitOk && unit.numFailedTests === 0) totals.failed += 1;
} else {
  totals.failed += 1;
}
if (!unitOk) failures.push('vitest');

const chromium = await findChromium();
console.log(`\n== Chromium for browser tests: ${chromium}`);
const buildOk = run('production build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
if (!buildOk) {
  totals.failed += 1;
  failures.push('build');
} else {
  const e2eOk = run('end-to-end tests (Playwright, headless Chromium)', 'npx', ['playwright', 'test'], {
    CHROMIUM_PATH: chromium,
  });
  const e2e = readJson(`${REPORTS}/e2e.json`);
  if (e2e) {
    totals.passed += e2e.stats.expected + e2e.stats.flaky;
    totals.failed += e2e.stats.unexpected;
    totals.skipped += e2e.stats.skipped;
    if (!e2eOk && e2e.stats.unexpected === 0) totals.failed += 1;
  } else {
    totals.failed += 1;
  }
  if (!e2eOk) failures.push('e2e');
}

console.log(`\n== [${elapsed()}] done${failures.length ? `; failed: ${failures.join(', ')}` : ''}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { browserRows } from './browser.ts';
import { whatWouldClose } from './closing.ts';
import { engineRows } from './engine.ts';
import { gpuRows } from './gpu.ts';
import { ceilingRow, fftRows, pennesRows, rayleighRow } from './kernels.ts';
import { loadNow, machine } from './measure.ts';
import { markdownReport, met, type Row, ratio, textReport } from './report.ts';

/**
 * `npm run bench` (after `prebench` builds the WebAssembly kernels): every figure of issue 9 in one run, each
 * beside its target and, where one exists, the same work done by the straightforward implementation (plain
 * JavaScript, Float64, fft.js), with the ratio. Warm-up runs first, then the median of several repetitions.
 *
 * Options (after `npm run bench --`):
 *   --quick        fewer repetitions, a smaller plan extrapolation, one browser sonication (a smoke run)
 *   --no-browser   skip the Chromium measurement (it builds the app and takes about a minute)
 *   --full-plan    run the whole "Cover the lesion" plan instead of extrapolating from sub-plans
 *   --readme       write the table into README.md's Performance section and keep this run's JSON as
 *                  tests/bench/readme-run.json (the committed record behind that table)
 *
 * Every run writes tests/bench/out/latest.json (gitignored: numbers change with every run and the machine's
 * load). A measurement, not a test: it exits 0 whether targets are met or not, and non-zero only if it failed.
 */

const OUT_DIR = new URL('out/', import.meta.url);
const LATEST = new URL('latest.json', OUT_DIR);
const README_RUN = new URL('readme-run.json', import.meta.url);
const README = new URL('../../README.md', import.meta.url);
const BEGIN = '<!-- bench:begin (npm run bench -- --readme writes this section) -->';
const END = '<!-- bench:end -->';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-browser': { type: 'boolean', default: false },
    'full-plan': { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const log = (line: string) => console.log(`  [load ${loadNow()}] ${line}`);

const m = machine();
console.log(`== bench: ${m.cores} cores, load average ${m.loadStart.join(' / ')}`);

// The engine first, so its peak memory is not the kernels' benchmarks'.
console.log("== engine in Node (the worker ops on the app's requests)");
const engine = await engineRows({ quick, fullPlan: values['full-plan'] === true, log });

console.log('== kernels, WebAssembly against the plain-JavaScript references');
const field = rayleighRow({ quick, log });
const kernelRows: Row[] = [field, ceilingRow(field), ...fftRows({ quick, log })];
const grids: [string, number, number, number, number][] = [['cube', 64, 64, 64, 5e-4]];
if (engine.fineGrid) grids.unshift(['femur focal grid', ...engine.fineGrid]);
if (engine.coarseGrid) grids.push(['femur whole-path coarse grid', ...engine.coarseGrid]);
kernelRows.push(...(await pennesRows({ quick, log }, grids)));

if (!values['no-browser']) {
  console.log('== the field kernel on WebGPU in Chromium (--enable-unsafe-webgpu), beside the CPU');
  kernelRows.push(...(await gpuRows({ quick, log }, field)));
}

let browser: Awaited<ReturnType<typeof browserRows>> = { rows: [], detail: { skipped: '--no-browser' } };
if (!values['no-browser']) {
  console.log('== Chromium end to end (a fresh production build, headless, the default femur case)');
  try {
    browser = await browserRows({ quick, log });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`browser measurement failed: ${message}`);
    browser = { rows: [], detail: { failed: message } };
  }
}

// The drag figure's phases: the engine's estimate (Node) and the rest of the way to the DOM.
const drag = browser.rows.find((r) => r.id === 'drag-estimate-chromium');
const estimate = engine.rows.find((r) => r.id === 'estimate-node');
if (drag && estimate) {
  drag.phases = [
    { phase: "the engine's estimate op (Node figure; trace + focal sum)", ms: estimate.measured },
    {
      phase: 'the rest: main thread (pointer, store, request), messages, beam-trace transfer, React render',
      ms: drag.measured - estimate.measured,
    },
    ...(drag.phases ?? []).slice(1),
  ];
}

// The order: whole path, drag, plan, field kernel, Pennes, memory, long tasks (ids by prefix).
const order = [
  'sonicate-chromium',
  'femur-sonication',
  'drag-estimate-chromium',
  'estimate-node',
  'plan-chromium',
  'plan-node',
  'field-kernel',
  'fft-',
  'pennes-',
  'memory-',
  'long-task',
];
const rank = (r: Row) => {
  const i = order.findIndex((prefix) => r.id.startsWith(prefix));
  return i < 0 ? order.length : i;
};
const rows = [...engine.rows, ...kernelRows, ...browser.rows].sort((a, b) => rank(a) - rank(b));
for (const row of rows) if (met(row) === false) row.close = whatWouldClose(row, rows);
m.loadEnd = loadavg().map((x) => Number(x.toFixed(2)));

console.log(`\n${textReport(rows, m)}\n`);

const json = {
  format: 'fus-planner-bench/1',
  machine: m,
  options: { quick, browser: !values['no-browser'], fullPlan: values['full-plan'] === true },
  rows: rows.map((r) => ({ ...r, met: met(r) ?? null, ratio: ratio(r) ?? null })),
  browser: browser.detail,
};
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(LATEST, `${JSON.stringify(json, null, 2)}\n`);
console.log(`JSON: ${LATEST.pathname}`);

if (values.readme) {
  const readme = readFileSync(README, 'utf8');
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) {
    console.error(`README.md has no ${BEGIN} … ${END} section: not written.`);
    process.exitCode = 1;
  } else {
    const table = markdownReport(rows, m);
    writeFileSync(README, `${readme.slice(0, from + BEGIN.length)}\n\n${table}\n\n${readme.slice(to)}`);
    copyFileSync(LATEST, README_RUN);
    // Committed, so in the repository's format (`biome ci` checks it): this one file only.
    spawnSync('npx', ['biome', 'format', '--write', fileURLToPath(README_RUN)], { stdio: 'ignore' });
    console.log(`README.md's Performance table and ${README_RUN.pathname} written.`);
  }
}

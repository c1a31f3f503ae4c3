import { accessSync, constants, existsSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runScenario } from './run.ts';
import { runPlanFile } from './run-plan.ts';
import { readScenario, ScenarioError } from './scenario.ts';

/**
 * `npm run simulate -- plan.json [--out results.json]`: runs a plan file headless in Node through the app's own core
 * (its spots as a plan, dose accumulating, when it has any; else one sonication at the target — a command-line
 * scenario is a plan without spots) and writes the results as JSON (stdout without --out). A plan's spots are shared
 * out over worker threads, one per core unless --threads says otherwise. Exit codes: 0 done, 2 refused (usage, missing
 * or unreadable file, not JSON, invalid scenario), 1 the run itself failed. Formats: src/cli/README.md.
 */

const USAGE = 'usage: npm run simulate -- <plan.json> [--out <results.json>] [--threads <n>]';

/** Exit codes. */
export const EXIT = { ok: 0, failed: 1, refused: 2 } as const;

/**
 * The command line, without touching process.exit, so tests can call it.
 * @param argv - arguments after the script name
 * @param log - where messages go (stderr)
 * @returns exit code
 */
export async function main(argv: readonly string[], log: (line: string) => void): Promise<number> {
  let positionals: string[];
  let out: string | undefined;
  let threads: number | undefined;
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        threads: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (parsed.values.help) {
      log(USAGE);
      return EXIT.ok;
    }
    positionals = parsed.positionals;
    out = parsed.values.out;
    if (parsed.values.threads !== undefined) {
      threads = Number(parsed.values.threads);
      if (!Number.isInteger(threads) || threads < 1 || threads > 256) {
        log(`--threads must be a whole number from 1 to 256, not "${parsed.values.threads}"\n${USAGE}`);
        return EXIT.refused;
      }
    }
  } catch (error) {
    log(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return EXIT.refused;
  }
  const [file, ...rest] = positionals;
  if (file === undefined || rest.length > 0) {
    log(USAGE);
    return EXIT.refused;
  }
  let scenario: ReturnType<typeof readScenario>;
  try {
    scenario = readScenario(file);
  } catch (error) {
    if (error instanceof ScenarioError) {
      log(`scenario refused: ${error.message}`);
      return EXIT.refused;
    }
    throw error;
  }
  // The output path is checked before a run that may take minutes, not after it.
  if (out !== undefined) {
    const problem = unwritable(out);
    if (problem) {
      log(`cannot write the results to ${out}: ${problem}`);
      return EXIT.refused;
    }
  }
  const progress = progressLine(log);
  try {
    if ((scenario.input.planning?.spots.length ?? 0) > 0) {
      const results = await runPlanFile(scenario, progress, { ...(threads ? { threads } : {}), log });
      const json = `${JSON.stringify(results, null, 2)}\n`;
      if (out === undefined) process.stdout.write(json);
      else writeFileSync(out, json);
      const delivered = results.spots.filter((s) => s.status !== 'blocked').length;
      const lesion = results.doses.tissueDose.some((d) => d.tissue === 'lesion' && d.voxels > 0);
      log(
        `${out ?? 'stdout'}: plan of ${results.spots.length} spots (${delivered} delivered), peak T ` +
          `${results.thermal.peakTemperature.toFixed(2)} °C, ` +
          `${lesion ? `lesion coverage ${(100 * results.doses.lesionCoverage).toFixed(1)} %` : 'no lesion'}, ` +
          `${results.runTime.total.toFixed(2)} s`,
      );
      for (const message of results.validity?.messages ?? []) log(`outside the model: ${message}`);
      for (const note of results.validity?.notes ?? []) log(`note: ${note}`);
      return EXIT.ok;
    }
    const results = await runScenario(scenario, progress);
    const json = `${JSON.stringify(results, null, 2)}\n`;
    if (out === undefined) process.stdout.write(json);
    else writeFileSync(out, json);
    const { acoustic, thermal, runTime } = results;
    log(
      `${out ?? 'stdout'}: peak |p| ${(acoustic.peakPressure / 1e6).toFixed(3)} MPa, ` +
        `peak T ${thermal.peakTemperature.toFixed(2)} °C, ablated ${(thermal.ablatedVolume * 1e6).toFixed(3)} mL, ` +
        `${runTime.total.toFixed(2)} s`,
    );
    // The run finished, so the exit code is 0; where it left the model's validity the results say so, and so do we.
    for (const message of results.validity.messages) log(`outside the model: ${message}`);
    for (const note of results.validity.notes ?? []) log(`note: ${note}`);
    const beyond = results.setup.beyondFocus;
    if (beyond) {
      log(
        `beyond the target: ${beyond.beams} firing beams go on into ${beyond.tissue}, ` +
          `${(beyond.distance * 1e3).toFixed(1)} mm past the focus at the nearest (see thermal and extra.tissueDose)`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    // A file the plan names (a mesh medium's) that cannot be read is the plan's fault, found when the case is built.
    if (error instanceof ScenarioError) {
      log(`scenario refused: ${error.message}`);
      return EXIT.refused;
    }
    log(`simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  }
}

/**
 * Why a results file cannot be written there ('' if it can): its folder must exist and be writable, and the path
 * must not be a folder.
 */
function unwritable(path: string): string {
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) return `the folder ${folder} does not exist`;
  if (existsSync(path) && statSync(path).isDirectory()) return 'it is a folder';
  try {
    accessSync(existsSync(path) ? path : folder, constants.W_OK);
  } catch {
    return 'permission denied';
  }
  return '';
}

/** Progress on stderr, a line per 10 % once a run has lasted 3 s (short runs stay quiet). */
function progressLine(log: (line: string) => void): (fraction: number) => void {
  const started = performance.now();
  let shown = 0;
  return (fraction) => {
    if (performance.now() - started < 3000) return;
    const tenth = Math.floor(fraction * 10);
    if (tenth > shown && tenth < 10) {
      shown = tenth;
      log(`${tenth * 10} % (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  };
}

// Run only as the entry point (tsx src/cli/simulate.ts), not when a test imports main().
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
}

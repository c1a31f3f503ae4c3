import { realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runScenario } from './run.ts';
import { readScenario, ScenarioError } from './scenario.ts';

/**
 * `npm run simulate -- scenario.json [--out results.json]`: runs a scenario headless in Node through the app's
 * own core and writes the results as JSON (stdout without --out). Exit codes: 0 done, 2 refused (usage, missing
 * or unreadable file, not JSON, invalid scenario), 1 the run itself failed. Formats: src/cli/README.md.
 */

const USAGE = 'usage: npm run simulate -- <scenario.json> [--out <results.json>]';

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
  try {
    const parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
    if (parsed.values.help) {
      log(USAGE);
      return EXIT.ok;
    }
    positionals = parsed.positionals;
    out = parsed.values.out;
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
  try {
    const results = await runScenario(scenario);
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
    return EXIT.ok;
  } catch (error) {
    log(`simulation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failed;
  }
}

// Run only as the entry point (tsx src/cli/simulate.ts), not when a test imports main().
const entry = process.argv[1];
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
}

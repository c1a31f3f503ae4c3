import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanResults } from '../../src/cli/run-plan.ts';
import { EXIT, main } from '../../src/cli/simulate.ts';

// `npm run simulate -- plan.json` runs a saved plan: every spot in order, dose accumulating (issue 11).

const dir = mkdtempSync(join(tmpdir(), 'fus-plan-'));
const PLAN = new URL('../../public/plans/femur-shaft.json', import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; log: string[] }> {
  const log: string[] = [];
  const code = await main(args, (line) => log.push(line));
  return { code, log };
}

const out = join(dir, 'femur-plan.json');
const { code, log } = await run([PLAN, '--out', out]);
const results = JSON.parse(readFileSync(out, 'utf8')) as PlanResults;

describe('the command line on a plan file', () => {
  it('runs every spot of the femur example plan in order and says so', () => {
    expect(code).toBe(EXIT.ok);
    expect(results.format).toBe('fus-planner-plan-results/1');
    expect(results.spots.map((s) => s.id)).toEqual(['spot-1', 'spot-2', 'spot-3']);
    expect(results.spots.map((s) => s.startTime)).toEqual([0, 40, 80]);
    expect(log.at(-1)).toMatch(/plan of 3 spots \(3 delivered\), peak T [\d.]+ °C/);
  });

  it('accumulates: each later spot starts warmer, and the plan’s dose covers part of the lesion', () => {
    const [a, b, c] = results.spots.map((s) => s.summary.peakTemperature);
    expect(b as number).toBeGreaterThan(a as number);
    expect(c as number).toBeGreaterThan(b as number);
    expect(results.doses.lesionCoverage).toBeGreaterThan(0);
    expect(results.thermal.peakTemperature).toBeCloseTo(
      Math.max(...results.spots.map((s) => s.summary.peakTemperature)),
      6,
    );
  });

  it('judges the nerve the path does not reach, and carries the plan’s validity', () => {
    expect(results.doses.criticalOutside?.map((o) => o.tissue)).toEqual(['nerve']);
    expect(results.validity?.boiling).toBe(false);
  });
});

describe('the output path is checked before the run', () => {
  it('a folder that does not exist is refused at once (exit 2), with the reason', async () => {
    const { code, log } = await run([PLAN, '--out', join(dir, 'no-such-folder', 'out.json')]);
    expect(code).toBe(EXIT.refused);
    expect(log.join('\n')).toMatch(/cannot write the results to .*: the folder .* does not exist/);
  });
});

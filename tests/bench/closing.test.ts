import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatWouldClose } from './closing.ts';
import type { Row } from './report.ts';

const recorded = JSON.parse(readFileSync(new URL('./readme-run.json', import.meta.url), 'utf8')).rows as Row[];

const row = (over: Partial<Row>): Row => ({ id: 'x', figure: 'x', measured: 0, unit: 'ms', notes: [], ...over });

describe('what would close a missed speed target (npm run bench)', () => {
  it('has an answer for every figure of the recorded run that has a target', () => {
    const targeted = recorded.filter((r) => r.target);
    expect(targeted.length).toBeGreaterThan(10);
    for (const r of targeted) expect(whatWouldClose(r, recorded), r.id).not.toHaveLength(0);
  });

  it("gives the engine's budget for a click-to-result as the target less this run's time outside the engine", () => {
    const click = row({
      id: 'sonicate-chromium',
      measured: 1400,
      phases: [{ phase: 'engine in the worker (as the results card shows it)', ms: 1100 }],
    });
    const node = row({
      id: 'femur-sonication-node',
      measured: 1000,
      phases: [
        { phase: 'march (hybrid angular spectrum, all passes)', ms: 500 },
        { phase: 'of which march: 2D FFTs (WebAssembly)', ms: 150 },
        { phase: 'of which march: slice arithmetic (WebAssembly)', ms: 50 },
        { phase: 'Pennes on the focal region (fine grid) and the dose report', ms: 200 },
      ],
    });
    const lines = whatWouldClose(click, [click, node]);
    expect(lines[0]).toBe('The engine must take ≤ 700 ms (now 1100 ms).');
    // The march's JavaScript is what the kernels do not: 500 − 150 − 50.
    expect(lines[1]).toContain('JavaScript the rest, 300 ms');
  });

  it("reads the Pennes overhead from the run's own phases", () => {
    const pennes = row({
      id: 'pennes-51x51x51',
      unit: 'voxel-steps/s',
      phases: [
        { phase: 'copy the problem in (start, setSource)', ms: 2 },
        { phase: '40 steps in the kernel (5.00e+8 voxel-steps/s)', ms: 8 },
      ],
    });
    const [line] = whatWouldClose(pennes, [pennes]);
    expect(line).toContain('already shared by two threads');
    expect(line).toContain('20 % of this run is around the steps');
  });

  it('says nothing for a figure it has no analysis for', () => {
    expect(whatWouldClose(row({ id: 'fft-128' }), [])).toEqual([]);
  });
});

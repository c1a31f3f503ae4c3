import { describe, expect, it } from 'vitest';
import { PlanThread } from '../../src/cli/plan-threads.ts';
import { runPlanFile } from '../../src/cli/run-plan.ts';
import { readScenario } from '../../src/cli/scenario.ts';
import { EXIT, main } from '../../src/cli/simulate.ts';

// A plan run from the command line is a pipeline over worker threads, as the app's pool is over its workers (issue 9):
// this thread heats while the others march the next spots' fields. The results must not depend on how many threads
// computed them.

const PLAN = new URL('../../public/plans/bone-plate-validation.json', import.meta.url).pathname;

describe('a plan shared out over worker threads', () => {
  it('gives the same results, number for number, on one thread and on two', async () => {
    const plan = readScenario(PLAN);
    const lines: string[] = [];
    const [one, two] = [
      await runPlanFile(plan, () => {}, { threads: 1 }),
      await runPlanFile(plan, () => {}, { threads: 2, log: (l) => lines.push(l) }),
    ];
    expect(lines).toEqual([]); // no thread failed and fell back
    expect(two.spots.length).toBeGreaterThan(1);
    expect({ ...two, runTime: undefined }).toEqual({ ...one, runTime: undefined });
  });

  it('a thread that cannot build the case rejects with its reason', async () => {
    const plan = readScenario(PLAN);
    const broken = { ...plan, input: { ...plan.input, medium: { type: 'phantom' as const, id: 'no-such-case' } } };
    const thread = new PlanThread({ plan: broken as typeof plan, request: {} as never });
    await expect(thread.march('spot-1')).rejects.toThrow(/no-such-case/);
    thread.close();
  });

  it('refuses a thread count that is not a whole number from 1 to 256', async () => {
    for (const bad of ['0', '1.5', 'many', '1000']) {
      const log: string[] = [];
      expect(await main([PLAN, '--threads', bad], (l) => log.push(l))).toBe(EXIT.refused);
      expect(log.join('\n')).toMatch(/--threads must be a whole number from 1 to 256/);
    }
  });
});

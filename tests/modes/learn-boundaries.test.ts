import { afterAll, describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probes.ts';

// src/modes/learn's boundary (biome.json): the exercises add to the planner, so they may read the store, the
// dashboard's functions and App.tsx's contexts, but not draw with three, reach the scene, the worker or the engine,
// or the app's other modules. Probe files linted with the project's biome.json.
const probes = lintProbes('fus-lint-learn-');
afterAll(probes.dispose);

function restricted(files: Record<string, string>): string[] {
  return [...new Set(probes.restricted(files).map((d) => d.location.path))].sort();
}

describe('src/modes/learn boundaries are enforced by the lint', () => {
  it('may read the store, the dashboard’s functions, App.tsx and its controller context', () => {
    expect(
      restricted({
        'src/modes/learn/ok.ts':
          "import { usePlanner } from '../../state/hooks.ts';\nimport { safetyRows } from '../../ui/safety.ts';\n" +
          "import { usePlannerController } from '../../app/controller-context.ts';\nimport { App } from '../../app/App.tsx';\n" +
          'export const x = [usePlanner, safetyRows, usePlannerController, App];\n',
      }),
    ).toEqual([]);
  });

  it('may not draw with three, reach the scene, the worker, the engine or the app’s other modules', () => {
    expect(
      restricted({
        'src/modes/learn/a.ts': "import { Vector3 } from 'three';\nexport const v = new Vector3();\n",
        'src/modes/learn/b.ts':
          "import { runSonication } from '../../engine/sonicate.ts';\nexport const r = runSonication;\n",
        'src/modes/learn/c.ts': "import { SimClient } from '../../worker/client.ts';\nexport const c = SimClient;\n",
        'src/modes/learn/d.ts':
          "import { createPlannerController } from '../../app/controller.ts';\nexport const d = createPlannerController;\n",
        'src/modes/learn/e.ts': "import { Viewer } from '../../scene/Viewer.tsx';\nexport const e = Viewer;\n",
        'src/modes/learn/f.ts': "import { CASES } from '../../app/catalogue.ts';\nexport const f = CASES;\n",
      }),
    ).toEqual([
      'src/modes/learn/a.ts',
      'src/modes/learn/b.ts',
      'src/modes/learn/c.ts',
      'src/modes/learn/d.ts',
      'src/modes/learn/e.ts',
      'src/modes/learn/f.ts',
    ]);
  });
});

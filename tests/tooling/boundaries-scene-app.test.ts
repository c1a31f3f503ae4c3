import { afterAll, describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probes.ts';

// The README's boundary table for src/scene and src/app, as lint rules (biome.json): probe files laid out like the
// project, linted with the project's own biome.json (as tests/tooling/boundaries.test.ts does for the core).
const probes = lintProbes('fus-lint-scene-');
afterAll(probes.dispose);

function flagged(files: Record<string, string>): string[] {
  return probes
    .restricted(files)
    .filter((d) => d.category === 'lint/style/noRestrictedImports')
    .map((d) => d.location.path)
    .sort();
}

describe('src/scene draws; it does not reach into the panels, the app or the simulation worker', () => {
  it('may not import src/ui, src/app, the worker client or ops, the engine or the CLI', () => {
    expect(
      flagged({
        'src/scene/a.tsx': "import { PlanPanel } from '../ui/PlanPanel.tsx';\nexport const a = PlanPanel;\n",
        'src/scene/b.tsx': "import { App } from '../app/App.tsx';\nexport const b = App;\n",
        'src/scene/c.ts': "import { SimClient } from '../worker/client.ts';\nexport const c = SimClient;\n",
        'src/scene/d.ts': "import { sonicate } from '../worker/ops/sonicate.ts';\nexport const d = sonicate;\n",
        'src/scene/e.ts': "import { runSonication } from '../engine/sonicate.ts';\nexport const e = runSonication;\n",
        'src/scene/f.ts': "import { runScenario } from '../cli/run.ts';\nexport const f = runScenario;\n",
      }),
    ).toEqual([
      'src/scene/a.tsx',
      'src/scene/b.tsx',
      'src/scene/c.ts',
      'src/scene/d.ts',
      'src/scene/e.ts',
      'src/scene/f.ts',
    ]);
  });

  it('may import the store, physics helpers, three, R3F and the worker’s protocol types', () => {
    expect(
      flagged({
        'src/scene/g.tsx': [
          "import { useFrame } from '@react-three/fiber';",
          "import { Vector3 } from 'three';",
          "import { usePlanner } from '../state/hooks.ts';",
          "import { TISSUES } from '../physics/tissues.ts';",
          "import type { RegionFrames } from '../worker/results-protocol.ts';",
          'export type R = RegionFrames;',
          'export const g = [useFrame, Vector3, usePlanner, TISSUES];',
          '',
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});

describe('src/app is the composition root: it may import everything, and nothing imports it', () => {
  it('src/app may import the scene, the panels, the store and the worker client', () => {
    expect(
      flagged({
        'src/app/h.tsx': [
          "import { Viewer } from '../scene/Viewer.tsx';",
          "import { PlanPanel } from '../ui/PlanPanel.tsx';",
          "import { createPlannerStore } from '../state/store.ts';",
          "import { SimClient } from '../worker/client.ts';",
          'export const h = [Viewer, PlanPanel, createPlannerStore, SimClient];',
          '',
        ].join('\n'),
      }),
    ).toEqual([]);
  });

  it('src/ui, src/state and src/scene may not import src/app', () => {
    const importApp =
      "import { createPlannerController } from '../app/controller.ts';\nexport const x = createPlannerController;\n";
    expect(flagged({ 'src/ui/i.tsx': importApp, 'src/state/j.ts': importApp, 'src/scene/k.tsx': importApp })).toEqual([
      'src/scene/k.tsx',
      'src/state/j.ts',
      'src/ui/i.tsx',
    ]);
  });
});

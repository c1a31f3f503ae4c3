import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// src/modes/learn's boundary (biome.json): the exercises add to the planner, so they may read the store, the
// dashboard's functions and App.tsx's contexts, but not draw with three, reach the scene, the worker or the engine,
// or the app's other modules. Probe files linted with the project's biome.json.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const biome = join(root, 'node_modules', '.bin', 'biome');
const sandbox = mkdtempSync(join(tmpdir(), 'fus-lint-learn-'));
copyFileSync(join(root, 'biome.json'), join(sandbox, 'biome.json'));
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

function restricted(files: Record<string, string>): string[] {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(sandbox, path)), { recursive: true });
    writeFileSync(join(sandbox, path), text);
  }
  const run = spawnSync(biome, ['lint', '--vcs-enabled=false', '--reporter=json', ...Object.keys(files)], {
    cwd: sandbox,
    encoding: 'utf8',
  });
  const report = JSON.parse(run.stdout) as { diagnostics: { category: string; location: { path: string } }[] };
  return [
    ...new Set(
      report.diagnostics.filter((d) => d.category.startsWith('lint/style/noRestricted')).map((d) => d.location.path),
    ),
  ].sort();
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

import { afterAll, describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probes.ts';

// src/modes' boundaries (biome.json): its pages are React DOM like src/ui; a mode's 3D picture lives in its
// picture/ folder, which draws with three like src/scene. Probe files linted with the project's biome.json.
const probes = lintProbes('fus-lint-modes-');
afterAll(probes.dispose);

function restricted(files: Record<string, string>): string[] {
  return probes
    .restricted(files)
    .map((d) => d.location.path)
    .sort();
}

describe('src/modes boundaries are enforced by the lint', () => {
  it('a mode page may not draw with three or reach into the planner’s scene, worker or app', () => {
    expect(
      restricted({
        'src/modes/patient/a.tsx': "import { Vector3 } from 'three';\nexport const v = new Vector3();\n",
        'src/modes/patient/b.tsx': "import { Canvas } from '@react-three/fiber';\nexport const c = Canvas;\n",
        'src/modes/patient/c.tsx': "import { Viewer } from '../../scene/Viewer.tsx';\nexport const v = Viewer;\n",
        'src/modes/d.tsx': "import { App } from '../app/App.tsx';\nexport const a = App;\n",
      }),
    ).toEqual(['src/modes/d.tsx', 'src/modes/patient/a.tsx', 'src/modes/patient/b.tsx', 'src/modes/patient/c.tsx']);
  });

  it('a mode’s picture may use three, R3F and the case loader, but not the panels, the engine or the app', () => {
    expect(
      restricted({
        'src/modes/patient/picture/ok.tsx':
          "import { Canvas } from '@react-three/fiber';\nimport { Vector3 } from 'three';\n" +
          "import { parseCaseGlb } from '../../../geometry/phantom.ts';\nexport const x = [Canvas, Vector3, parseCaseGlb];\n",
        'src/modes/patient/picture/e.tsx':
          "import { ResultsCard } from '../../../ui/ResultsCard.tsx';\nexport const r = ResultsCard;\n",
        'src/modes/patient/picture/f.ts':
          "import { runSonication } from '../../../engine/sonicate.ts';\nexport const s = runSonication;\n",
        'src/modes/patient/picture/g.ts':
          "import { CASES } from '../../../app/catalogue.ts';\nexport const c = CASES;\n",
      }),
    ).toEqual(['src/modes/patient/picture/e.tsx', 'src/modes/patient/picture/f.ts', 'src/modes/patient/picture/g.ts']);
  });

  it('a mode page may import its own picture folder and the mode menu', () => {
    expect(
      restricted({
        'src/modes/patient/ok.tsx':
          "import { PatientScene } from './picture/PatientScene.tsx';\nimport { ModeMenu } from '../ModeMenu.tsx';\n" +
          'export const x = [PatientScene, ModeMenu];\n',
      }),
    ).toEqual([]);
  });
});

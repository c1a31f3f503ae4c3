import { afterAll, describe, expect, it } from 'vitest';
import { lintProbes } from '../support/lint-probes.ts';

// The module boundaries of the house style are lint rules (biome.json overrides per folder). These tests lint
// small probe files laid out like the project, with the project's own biome.json, and expect the rules to fire.
const probes = lintProbes('fus-lint-');
afterAll(probes.dispose);
const lint = probes.restricted;

describe('module boundaries are enforced by the lint', () => {
  it('src/physics may not import three, React or zustand', () => {
    const found = lint({
      'src/physics/a.ts': "import { Vector3 } from 'three';\nexport const v = new Vector3();\n",
      'src/physics/b.ts': "import { useState } from 'react';\nexport const s = useState;\n",
      'src/physics/c.ts': "import { createStore } from 'zustand/vanilla';\nexport const c = createStore;\n",
    });
    expect(found.map((d) => d.location.path).sort()).toEqual([
      'src/physics/a.ts',
      'src/physics/b.ts',
      'src/physics/c.ts',
    ]);
  });

  it('src/physics may not touch DOM or worker globals', () => {
    const found = lint({
      'src/physics/d.ts':
        'export const w = window.innerWidth;\nexport const f = fetch;\nexport const d = document.title;\n',
    });
    expect(found.length).toBe(3);
  });

  it('pure physics passes', () => {
    expect(
      lint({
        'src/physics/e.ts': "import { TISSUE_IDS } from './tissue-ids.ts';\nexport const n = TISSUE_IDS.length;\n",
      }),
    ).toEqual([]);
  });

  it('src/ui may not import three or the scene; src/geometry may not import React', () => {
    const found = lint({
      'src/ui/Panel.tsx': "import { Mesh } from 'three';\nexport const m = Mesh;\n",
      'src/ui/Other.tsx': "import { Viewer } from '../scene/Viewer.tsx';\nexport const v = Viewer;\n",
      'src/geometry/f.ts': "import { useMemo } from 'react';\nexport const u = useMemo;\n",
    });
    expect(found.length).toBe(3);
  });

  it('src/engine may not import the worker, React or the store, nor touch DOM or worker globals', () => {
    const found = lint({
      'src/engine/a.ts': "import type { SimWorkerApi } from '../worker/protocol.ts';\nexport type A = SimWorkerApi;\n",
      'src/engine/b.ts': "import { sonicate } from '../worker/ops/sonicate.ts';\nexport const s = sonicate;\n",
      'src/engine/c.ts': "import { useState } from 'react';\nexport const u = useState;\n",
      'src/engine/d.ts': "import { createStore } from 'zustand/vanilla';\nexport const c = createStore;\n",
      'src/engine/e.ts': 'export const w = window.innerWidth;\n',
      'src/engine/f.ts': 'export const post = () => self.postMessage(1);\n',
    });
    expect(found.map((d) => d.location.path).sort()).toEqual([
      'src/engine/a.ts',
      'src/engine/b.ts',
      'src/engine/c.ts',
      'src/engine/d.ts',
      'src/engine/e.ts',
      'src/engine/f.ts',
    ]);
  });

  it('src/engine may import physics and geometry', () => {
    expect(
      lint({
        'src/engine/g.ts':
          "import { TISSUES } from '../physics/tissues.ts';\nimport { poseFrame } from '../geometry/transducer-pose.ts';\nexport const t = [TISSUES, poseFrame];\n",
      }),
    ).toEqual([]);
  });

  it('src/cli may not import the worker, only the engine', () => {
    const found = lint({
      'src/cli/a.ts': "import { sonicate } from '../worker/ops/sonicate.ts';\nexport const s = sonicate;\n",
      'src/cli/b.ts':
        "import type { SonicateRequest } from '../worker/protocol.ts';\nexport type R = SonicateRequest;\n",
      'src/cli/c.ts': "import { runSonication } from '../engine/sonicate.ts';\nexport const r = runSonication;\n",
    });
    expect(found.map((d) => d.location.path).sort()).toEqual(['src/cli/a.ts', 'src/cli/b.ts']);
  });
});

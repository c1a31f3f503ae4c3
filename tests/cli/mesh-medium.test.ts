import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Results } from '../../src/cli/run.ts';
import { EXIT, main } from '../../src/cli/simulate.ts';
import { importedCase } from '../../src/engine/imported-case.ts';
import { importMeshFile } from '../../src/geometry/import/mesh-file.ts';

// A plan may name mesh files instead of a bundled phantom, so `npm run simulate` runs an imported case (issue 12).

const FEMUR = fileURLToPath(
  new URL('../../../shared/fixtures/geometry/bone-femur_r-opensim-converted.stl', import.meta.url),
);
const dir = mkdtempSync(join(tmpdir(), 'fus-mesh-'));

async function run(plan: unknown): Promise<{ code: number; log: string; results?: Results }> {
  const file = join(dir, `plan-${Math.random().toString(36).slice(2)}.json`);
  const out = `${file}.out.json`;
  writeFileSync(file, JSON.stringify(plan));
  const lines: string[] = [];
  const code = await main([file, '--out', out], (line) => lines.push(line));
  return {
    code,
    log: lines.join('\n'),
    ...(code === EXIT.ok ? { results: JSON.parse(readFileSync(out, 'utf8')) as Results } : {}),
  };
}

// A point on the femur's shaft surface after placement (metres, up +y, recentred): the vertex farthest along +x
// near mid-shaft, as a user would click it.
const bytes = readFileSync(FEMUR);
const [mesh] = await importMeshFile(
  'femur.stl',
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
);
if (!mesh) throw new Error('no part');
const placed = importedCase({
  title: 'f',
  parts: [{ mesh, unit: 'm', tissue: 'cortical_bone' }],
  up: '+y',
  recentre: true,
});
const position = placed.loaded.parts[0]?.geometry.getAttribute('position');
let surface: [number, number, number] = [-1, 0, 0];
for (let i = 0; i < (position?.count ?? 0); i++) {
  const x = position?.getX(i) ?? -1;
  if (Math.abs(position?.getY(i) ?? 1) < 0.02 && x > surface[0])
    surface = [x, position?.getY(i) ?? 0, position?.getZ(i) ?? 0];
}

const plan = (medium: Record<string, unknown>) => ({
  transducer: { preset: 'clinicalBodyArray' },
  drive: { acousticPower: 30 },
  medium,
  sonication: { duration: 10, cooling: 5 },
  grid: { size: 0.03, spacing: 0.001 },
});

describe('a plan on a mesh file', () => {
  it('runs the femur STL with a generated envelope and a placed lesion, and heats the lesion', async () => {
    const { code, results, log } = await run(
      plan({
        type: 'mesh',
        parts: [{ file: FEMUR }],
        lesion: { centre: surface, radii: [0.008, 0.012, 0.008] },
      }),
    );
    expect(code, log).toBe(EXIT.ok);
    expect(results?.setup.tissueAtTarget).toBe('lesion');
    const doses = results?.extra.tissueDose as { tissue: string; voxels: number; maxTemperature: number }[];
    const lesion = doses.find((d) => d.tissue === 'lesion');
    expect(lesion?.maxTemperature).toBeGreaterThan(45);
    // The envelope was generated (the file brings no soft tissue): skin, fat and muscle are on the path.
    for (const t of ['skin', 'fat', 'muscle']) expect(doses.find((d) => d.tissue === t)?.voxels, t).toBeGreaterThan(0);
  });

  it('a file that cannot be read is refused before any run, naming the part', async () => {
    const { code, log } = await run(plan({ type: 'mesh', parts: [{ file: 'no-such-bone.stl' }] }));
    expect(code).toBe(EXIT.refused);
    expect(log).toMatch(/^scenario refused: medium\.parts\.0\.file: cannot read .*no-such-bone\.stl \(ENOENT\)/);
  });

  it('a broken file is refused with the importer’s reason', async () => {
    const broken = fileURLToPath(
      new URL('../../../shared/fixtures/geometry/broken-truncated-binary.stl', import.meta.url),
    );
    const { code, log } = await run(plan({ type: 'mesh', parts: [{ file: broken }] }));
    expect(code).toBe(EXIT.refused);
    expect(log).toMatch(/medium\.parts\.0\.file: broken-truncated-binary\.stl: a binary STL .* it is truncated/);
  });
});

import { readFileSync } from 'node:fs';
import { IcosahedronGeometry, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { estimateRequest } from '../../src/app/planning-requests.ts';
import { caseSummary } from '../../src/engine/case.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { importedCase } from '../../src/engine/imported-case.ts';
import { runSonication } from '../../src/engine/sonicate.ts';
import { bodyEnvelope } from '../../src/geometry/import/envelope.ts';
import { checkMesh } from '../../src/geometry/import/mesh-check.ts';
import { importMeshFile } from '../../src/geometry/import/mesh-file.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { createPlannerStore } from '../../src/state/store.ts';

// A real bone from a file to a sonicated lesion, headless (issue 12): import, place, wrap in soft tissue, add a
// lesion, aim, sonicate.

const FIXTURES = new URL('../../../shared/fixtures/geometry/', import.meta.url);

describe('the body envelope', () => {
  it('wraps a 20 mm ball in closed shells at 10, 15 and 17 mm from its surface (within half a voxel)', () => {
    const ball = new IcosahedronGeometry(0.02, 4);
    const [muscle, fat, skin] = bodyEnvelope(
      [{ name: 'cortical_bone-ball', tissue: 'cortical_bone', label: 'ball', geometry: ball }],
      { muscle: 0.01, fat: 0.005, skin: 0.002 },
    );
    for (const [shell, radius] of [
      [muscle, 0.03],
      [fat, 0.035],
      [skin, 0.037],
    ] as const) {
      const p = shell?.geometry.getAttribute('position');
      expect(p?.count).toBeGreaterThan(100);
      let sum = 0;
      for (let i = 0; i < (p?.count ?? 0); i++) sum += Math.hypot(p?.getX(i) ?? 0, p?.getY(i) ?? 0, p?.getZ(i) ?? 0);
      // The ball is an icosphere, a hair inside its nominal radius; the distance grid is 1 mm.
      expect(Math.abs(sum / (p?.count ?? 1) - radius)).toBeLessThan(0.0005);
      const soup = shell?.geometry.toNonIndexed().getAttribute('position').array as Float32Array;
      expect(checkMesh(soup).closed).toBe(true);
    }
  });
});

const FEMUR = 'bone-femur_r-opensim-converted.stl';
const femurBytes = readFileSync(new URL(FEMUR, FIXTURES));
const [mesh] = await importMeshFile(
  FEMUR,
  femurBytes.buffer.slice(femurBytes.byteOffset, femurBytes.byteOffset + femurBytes.byteLength) as ArrayBuffer,
);
if (!mesh) throw new Error('no part');
const femurPart = { mesh, unit: mesh.unit.unit, tissue: 'cortical_bone' as const };
// Without soft tissue first, to find a point of the shaft's surface for the lesion: the bone's vertex farthest
// along +x near mid-shaft.
const bare = importedCase({ title: 'femur', parts: [femurPart], up: '+y', recentre: true });
const bone = bare.loaded.parts[0]?.geometry.getAttribute('position');
let surface: [number, number, number] = [-1, 0, 0];
for (let i = 0; i < (bone?.count ?? 0); i++) {
  const x = bone?.getX(i) ?? -1;
  if (Math.abs(bone?.getY(i) ?? 1) < 0.02 && x > surface[0]) surface = [x, bone?.getY(i) ?? 0, bone?.getZ(i) ?? 0];
}
const state = importedCase({
  title: 'femur',
  parts: [femurPart],
  up: '+y',
  recentre: true,
  envelope: { muscle: 0.03, fat: 0.01, skin: 0.002 },
  lesion: { centre: surface, radii: [0.008, 0.012, 0.008] },
});

describe('where an imported case aims first', () => {
  it('without a lesion, at the bone’s surface point nearest the centre of its box (which lies off a curved bone)', () => {
    const t = bare.loaded.meta.defaultTarget;
    const p = bone;
    if (!p) throw new Error('no bone');
    const part = bare.loaded.parts[0];
    part?.geometry.computeBoundingBox();
    const c = part?.geometry.boundingBox?.getCenter(new Vector3()) ?? new Vector3();
    let nearest = Number.POSITIVE_INFINITY;
    let onVertex = Number.POSITIVE_INFINITY;
    for (let i = 0; i < p.count; i++) {
      const v = new Vector3(p.getX(i), p.getY(i), p.getZ(i));
      nearest = Math.min(nearest, v.distanceTo(c));
      onVertex = Math.min(onVertex, v.distanceTo(new Vector3(...t)));
    }
    // A vertex of the bone, the nearest one to its box's centre, which lies off this femur's curved shaft.
    expect(onVertex).toBe(0);
    expect(new Vector3(...t).distanceTo(c)).toBeCloseTo(nearest, 12);
    expect(nearest).toBeGreaterThan(0.005);
  });
});

// A walk opened the imported humerus and tibia with 85 and 79 of 208 beams beyond the critical angle (aimed along the
// 26 directions' shortest way in, at a slant to the bone), and the rib cage with 195 of its sources inside the chest.
describe('an imported bone opens with the transducer square to it, in the water bath', () => {
  const open = async (file: string, up: '+y' | '+z') => {
    const bytes = readFileSync(new URL(file, FIXTURES));
    const meshes = await importMeshFile(
      file,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const opened = importedCase({
      title: file,
      parts: meshes.map((m) => ({ mesh: m, unit: m.unit.unit, tissue: 'cortical_bone' as const })),
      up,
      recentre: true,
      envelope: { muscle: 0.03, fat: 0.01, skin: 0.002 },
    });
    const store = createPlannerStore({
      caseId: 'imported',
      transducer: PRESETS.clinicalBodyArray,
      sonication: { acousticPower: 50, duration: 20, cooling: 30 },
    });
    store.getState().setCaseLoaded(caseSummary(opened), () => 1);
    return estimate(opened, estimateRequest(store.getState())).beams;
  };

  it('the humerus and the tibia: at most a beam beyond the critical angle (85 and 79 before); every source in water', async () => {
    for (const [file, up] of [
      ['bone-humerus_r-vhm-artisynth.obj', '+z'],
      ['bone-tibia_l-vhf-binary.stl', '+z'],
    ] as const) {
      const beams = await open(file, up);
      expect(beams.counts.angle).toBeLessThanOrEqual(1);
      expect(beams.inTissue).toBe(0);
    }
  });

  it('the rib cage: every source in the water bath (195 of 208 sat inside the chest)', async () => {
    expect((await open('bone-ribcage-opensim-converted.ply', '+y')).inTissue).toBe(0);
  });
});

describe('the OpenSim femur from its STL to a sonicated lesion', () => {
  it('places the 0.45 m femur upright, centred, inside muscle, fat and skin, with the lesion on its shaft', () => {
    const { meta, parts } = state.loaded;
    expect(parts.map((p) => p.tissue)).toEqual(['cortical_bone', 'muscle', 'fat', 'skin', 'lesion']);
    expect(meta.defaultTarget[0]).toBeCloseTo(surface[0], 3);
    expect(state.model.tissueAt(meta.defaultTarget)).toBe('lesion');
    // The default window: through soft tissue, not through the bone.
    const t = meta.defaultTarget;
    const d = meta.defaultBeamDirection;
    const path = state.model.pathSegments([t[0] + 0.15 * d[0], t[1] + 0.15 * d[1], t[2] + 0.15 * d[2]], t);
    expect(path.map((s) => s.tissue).slice(0, 4)).toEqual(['water', 'skin', 'fat', 'muscle']);
  });

  it('sonicates the placed lesion through the generated envelope (whole-path model)', () => {
    const transducer = PRESETS.clinicalBodyArray;
    const { meta } = state.loaded;
    const run = runSonication(
      state,
      {
        transducer,
        pose: {
          target: meta.defaultTarget,
          direction: meta.defaultBeamDirection,
          distance: transducer.radiusOfCurvature,
        },
        acousticPower: 50,
        duration: 20,
        cooling: 10,
        region: { size: 0.04, spacing: 0.001 },
      },
      () => {},
    );
    const lesion = run.result.tissueDose.find((d) => d.tissue === 'lesion');
    const skin = run.result.tissueDose.find((d) => d.tissue === 'skin');
    console.info(
      `imported femur: lesion ${lesion?.maxTemperature.toFixed(1)} °C, skin ${skin?.maxTemperature.toFixed(1)} °C, target ${run.atTarget.temperature.toFixed(1)} °C`,
    );
    expect(lesion?.maxTemperature).toBeGreaterThan(55);
    expect(skin?.voxels).toBeGreaterThan(0);
    expect(skin?.maxTemperature).toBeLessThan(lesion?.maxTemperature ?? 0);
  });
});

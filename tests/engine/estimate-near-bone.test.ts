import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimateRequest, sonicateRequest } from '../../src/app/planning-requests.ts';
import { boneInSpot } from '../../src/engine/bone-in-spot.ts';
import { type CaseState, caseSummary } from '../../src/engine/case.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { importedCase } from '../../src/engine/imported-case.ts';
import { importMeshFile } from '../../src/geometry/import/mesh-file.ts';
import type { UpAxis } from '../../src/geometry/import/placement.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { createPlannerStore } from '../../src/state/store.ts';
import { boneInSpotWarning } from '../../src/ui/LiveEstimate.tsx';
import { sonicate } from '../../src/worker/ops/sonicate.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

// The live estimate heats the tissue at the focus alone (a Gaussian source in one medium). Bone in the focal spot
// absorbs 10–20× more, reflects the beam and conducts its heat: there the estimate stops being a model, and says so.
// A walk read 88 °C in the estimate of an imported femur, then 608 °C from Sonicate.

const SPOT = { lateralFwhm: 2e-3, axialFwhm: 18e-3 };
const Z: [number, number, number] = [0, 0, 1];
/** Bone wherever `inBone` holds, soft tissue elsewhere. */
const world =
  (inBone: (p: readonly [number, number, number]) => boolean) =>
  (p: readonly [number, number, number]): TissueId =>
    inBone(p) ? 'cortical_bone' : 'muscle';

/** The bone the search finds around a focus at the origin, beam along `axis`. */
const find = (inBone: (p: readonly [number, number, number]) => boolean, axis = Z) =>
  boneInSpot(world(inBone), [0, 0, 0], axis, SPOT);

// The core searched: half the spot's intensity half-widths, 4.5 mm along the beam and 0.5 mm across it here.
describe('bone in the core of the focal spot', () => {
  it('finds the focus in bone at 0 mm, and bone along the beam to within one 0.5 mm sample', () => {
    expect(find(() => true)).toEqual({ tissue: 'cortical_bone', distance: 0 });
    for (const d of [0.3e-3, 2.2e-3, 4.1e-3]) {
      const found = find((p) => p[2] > d);
      expect(found?.distance).toBeGreaterThanOrEqual(d);
      expect(found?.distance).toBeLessThanOrEqual(d + 0.5e-3);
    }
    // Toward the transducer too.
    expect(find((p) => p[2] < -3.8e-3)?.distance).toBeCloseTo(4e-3, 9);
  });

  it('finds bone beside the axis within the core, and none outside it, for any beam direction', () => {
    // A wall 0.4 mm beside the axis: inside the core's 0.5 mm, met by the rings.
    expect(find((p) => p[0] > 0.4e-3)).toBeDefined();
    // Beyond the core: 0.7 mm beside it, 4.7 mm along it (the iliac wing's bone lies at the spot's edge, 9.3 mm).
    expect(find((p) => p[0] > 0.7e-3)).toBeUndefined();
    expect(find((p) => p[2] > 4.7e-3)).toBeUndefined();
    // A wall across a tilted beam.
    const tilted: [number, number, number] = [Math.SQRT1_2, 0, Math.SQRT1_2];
    expect(find((p) => p[0] * tilted[0] + p[2] * tilted[2] > 3e-3, tilted)?.distance).toBeCloseTo(3e-3, 9);
  });
});

const FIXTURES = new URL('../../../shared/fixtures/geometry/', import.meta.url);

async function imported(file: string, up: UpAxis): Promise<CaseState> {
  const bytes = readFileSync(new URL(file, FIXTURES));
  const [mesh] = await importMeshFile(
    file,
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  if (!mesh) throw new Error('no part');
  // As the import opens a bone without a lesion: its target on the bone's surface.
  return importedCase({
    title: file,
    parts: [{ mesh, unit: mesh.unit.unit, tissue: 'cortical_bone' }],
    up,
    recentre: true,
    envelope: { muscle: 0.03, fat: 0.01, skin: 0.002 },
  });
}

/** The estimate and, when asked, the full model's sonication of a case at its defaults (50 W, 20 s). */
function atDefaults(state: CaseState, caseId: string, run = false) {
  const store = createPlannerStore({
    caseId,
    transducer: PRESETS.clinicalBodyArray,
    sonication: { acousticPower: 50, duration: 20, cooling: 30 },
  });
  store.getState().setCaseLoaded(caseSummary(state), () => 1);
  const quick = estimate(state, estimateRequest(store.getState()));
  const full = run ? sonicate(state, sonicateRequest(store.getState()), () => {}).summary.peakTemperature : Number.NaN;
  return { quick, full };
}

describe('the live estimate where bone is in the focal spot', () => {
  it('is not flagged on the bundled lesions, whose spots’ cores hold no bone', async () => {
    for (const id of ['femur-shaft', 'iliac-wing', 'rib']) {
      const { state } = await loadBundledCase(id);
      expect(atDefaults(state, id).quick.boneInSpot, id).toBeUndefined();
    }
  });

  // The known error the warning states: the estimate's rise against the full model's, where bone is in the spot.
  it('is flagged where bone is in the spot, and there is off from about 2× too high to over 10× too low', async () => {
    const rise = (t: number) => t - 37;
    const plate = atDefaults((await loadBundledCase('bone-plate-validation')).state, 'bone-plate-validation', true);
    expect(plate.quick.boneInSpot?.distance).toBe(0);
    const plateRatio = rise(plate.quick.predictedPeakTemperature) / rise(plate.full);
    expect(plateRatio).toBeGreaterThan(1.8);
    expect(plateRatio).toBeLessThan(3);
    // The femur's default (a slant onto its curved shaft) is the low end; the tibia's, aimed square to its surface
    // since the import's aim weighs the slant, lies inside the range (it read under 0.15 aimed at a slant).
    for (const [file, up, low, high] of [
      ['bone-femur_r-opensim-converted.stl', '+y', 0, 0.15],
      ['bone-tibia_l-vhf-binary.stl', '+z', 0.1, 2],
    ] as const) {
      const bone = atDefaults(await imported(file, up), 'imported', true);
      expect(bone.quick.boneInSpot?.distance, file).toBeLessThanOrEqual(1e-3);
      const ratio = rise(bone.quick.predictedPeakTemperature) / rise(bone.full);
      expect(ratio, file).toBeGreaterThan(low);
      expect(ratio, file).toBeLessThan(high);
    }
  }, 60_000);

  it('says where the bone is and what to trust instead', () => {
    expect(boneInSpotWarning(undefined)).toBeUndefined();
    expect(boneInSpotWarning({ tissue: 'cortical_bone', distance: 0 })).toMatch(/^The focus is in bone: /);
    const near = boneInSpotWarning({ tissue: 'cortical_bone', distance: 0.5e-3 });
    expect(near).toMatch(/^Bone lies 0\.5\d* mm from the focus, inside the focal spot: /);
    expect(near).toMatch(/2× too high to over 10× too low/);
    expect(near).toMatch(/Sonicate for the full model's figure\.$/);
  });
});

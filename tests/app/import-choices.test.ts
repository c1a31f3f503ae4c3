import { describe, expect, it, vi } from 'vitest';
import { createPlannerController, type SimPort } from '../../src/app/controller.ts';
import {
  buildProblem,
  caseRequest,
  closedText,
  guessUp,
  labelOf,
  type PartRow,
  ROLE_CHOICES,
  roleName,
  sizeText,
  titleOf,
} from '../../src/app/import-choices.ts';
import { caseSummary, loadCase } from '../../src/engine/case.ts';
import { envelopeProblem, lesionRadiiProblem } from '../../src/ui/import-rules.ts';
import type { ImportedPartInfo } from '../../src/worker/import-protocol.ts';
import { bundledCaseBytes } from '../fixtures/bundled-case.ts';
import { testStore } from '../fixtures/planner-store.ts';

function row(
  patch: Partial<ImportedPartInfo> & Pick<ImportedPartInfo, 'min' | 'max'>,
  unit: PartRow['unit'] = 'mm',
): PartRow {
  const info: ImportedPartInfo = {
    id: 'p1',
    file: 'VHM_Left_Bone_Coccyx.stl',
    name: 'VHM_Left_Bone_Coccyx.stl',
    format: 'stl',
    triangles: 12,
    check: { triangles: 12, vertices: 8, boundaryEdges: 0, nonManifoldEdges: 0, closed: true },
    unit: { unit, size: 0, reason: '' },
    role: { tissue: 'cortical_bone', reason: '' },
    ...patch,
  };
  return { info, unit, tissue: info.role.tissue };
}

describe('the import dialog’s choices', () => {
  it('offers every tissue but water, with blood named as a vessel', () => {
    expect(ROLE_CHOICES).not.toContain('water');
    expect(ROLE_CHOICES).toEqual(
      expect.arrayContaining(['cortical_bone', 'marrow', 'lesion', 'skin', 'bowel_gas', 'nerve', 'blood']),
    );
    expect(roleName('blood')).toBe('Blood vessel');
  });

  it('guesses up as the largest part’s longest side (in metres), +y for glTF, +z for NIfTI', () => {
    const tibia = row({ min: [400, 420, -900], max: [495, 492, -565] });
    expect(guessUp([tibia])).toEqual({ up: '+z', reason: 'the longest side of the part is along z' });
    // A part in metres beside one in millimetres: sizes compare after each unit; the larger decides.
    const wide = row({ id: 'p2', min: [0, 0, 0], max: [0.9, 0.01, 0.02] }, 'm');
    expect(guessUp([tibia, wide]).up).toBe('+x');
    expect(guessUp([row({ format: 'gltf', min: [0, 0, 0], max: [5, 1, 1] })]).up).toBe('+y');
    expect(guessUp([row({ format: 'nifti', min: [0, 0, 0], max: [5, 1, 1] })]).up).toBe('+z');
  });

  it('says what an open mesh means for the voxeliser, and sizes in cm, mm or µm', () => {
    const open = row({
      min: [0, 0, 0],
      max: [1, 1, 1],
      check: { triangles: 10, vertices: 8, boundaryEdges: 4, nonManifoldEdges: 2, closed: false },
    });
    const text = closedText(open.info);
    expect(text.closed).toBe(false);
    expect(text.text).toMatch(/^not closed \(4 edges at holes, 2 edges shared by more than two faces\)/);
    expect(text.text).toMatch(/counting surface crossings/);
    expect(sizeText([0.072, 0.453, 0.1])).toBe('7.2 × 45.3 × 10.0 cm');
    expect(sizeText([0.0325, 0.0125, 0.0287])).toBe('32.5 × 12.5 × 28.7 mm');
    expect(sizeText([7e-5, 4e-4, 1e-4])).toBe('70.0 × 400.0 × 100.0 µm');
  });

  it('labels parts by file name in the naming convention, and titles the case by its first file', () => {
    const a = row({ min: [0, 0, 0], max: [1, 1, 1] });
    expect(labelOf(a)).toBe('vhm-left-bone-coccyx');
    expect(labelOf(row({ name: 'femur (pelvis.glb)', min: [0, 0, 0], max: [1, 1, 1] }))).toBe('femur-pelvis');
    const b = row({ id: 'p2', file: 'seg.nii.gz', name: 'label 3 (seg.nii.gz)', min: [0, 0, 0], max: [1, 1, 1] });
    expect(titleOf([a, b])).toBe('Imported: VHM_Left_Bone_Coccyx + 1 more');
    expect(caseRequest('c', [a, b], { up: '+z', recentre: false })).toEqual({
      id: 'c',
      title: 'Imported: VHM_Left_Bone_Coccyx + 1 more',
      parts: [
        { id: 'p1', unit: 'mm', tissue: 'cortical_bone', label: 'vhm-left-bone-coccyx' },
        { id: 'p2', unit: 'mm', tissue: 'cortical_bone', label: 'label-3-seg' },
      ],
      up: '+z',
      recentre: false,
    });
  });

  it('refuses no parts, a lesion alone, and absurd envelopes and lesions with the reason', () => {
    expect(buildProblem([], undefined)).toMatch(/no part/);
    const lesion = { ...row({ min: [0, 0, 0], max: [1, 1, 1] }), tissue: 'lesion' as const };
    expect(buildProblem([lesion], undefined)).toMatch(/a lesion alone/);
    expect(envelopeProblem({ muscle: 0.03, fat: 0.01, skin: 0.002 })).toBeUndefined();
    expect(envelopeProblem({ muscle: 0.03, fat: 0.01, skin: 0.0001 })).toMatch(/^skin 0\.1 mm is outside 0\.5–5 mm/);
    expect(envelopeProblem({ muscle: 0.12, fat: 0.05, skin: 0.002 })).toMatch(
      /^172 mm of soft tissue .* more than 150 mm/,
    );
    expect(envelopeProblem({ muscle: Number.NaN, fat: 0.01, skin: 0.002 })).toMatch(/^muscle/);
    expect(lesionRadiiProblem([0.01, 0.01, 0.01])).toBeUndefined();
    expect(lesionRadiiProblem([0.01, 0.001, 0.01])).toMatch(/1\.0 mm is outside 2–40 mm/);
  });
});

describe('controller.openCaseFile', () => {
  it('opens a case from bytes, lists it for the picker, and forgets the one it replaces', async () => {
    const store = testStore();
    const loadBytes = vi.fn(async (url: string) => bundledCaseBytes(url));
    const sim = {
      loadCase: vi.fn(async (bytes: ArrayBuffer, title: string) => caseSummary(await loadCase(bytes, title))),
    } as unknown as SimPort;
    const controller = createPlannerController({
      store,
      client: sim,
      cases: [{ id: 'femur-shaft', title: 'Femur', url: 'femur-shaft' }],
      loadBytes,
      parseForDrawing: async () => [],
      onCaseDrawn: () => {},
      isCancellation: () => false,
      keepEstimateLive: () => () => {},
    });
    // A bundled file stands in for an import's bytes: the controller does not look inside them.
    const bytes = bundledCaseBytes('rib');
    expect(await controller.openCaseFile({ id: 'imported-a', title: 'A', url: 'import:a' }, bytes)).toBe(true);
    expect(store.getState().caseId).toBe('imported-a');
    expect(await controller.loadCase('femur-shaft')).toBe(true);
    // Back to the import from the picker: its kept bytes, no fetch.
    expect(await controller.loadCase('imported-a')).toBe(true);
    expect(loadBytes).toHaveBeenCalledTimes(1);
    expect(await controller.openCaseFile({ id: 'imported-b', title: 'B', url: 'import:b' }, bytes, 'imported-a')).toBe(
      true,
    );
    expect(await controller.loadCase('imported-a')).toBe(false);
    expect(store.getState().caseError).toBe('No case called "imported-a".');
    controller.dispose();
  });
});

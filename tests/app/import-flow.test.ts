import { describe, expect, it, vi } from 'vitest';
import { createPlannerController } from '../../src/app/controller.ts';
import { createImportFlow, importBlocker } from '../../src/app/import-flow.ts';
import { importDialogView } from '../../src/app/import-view.ts';
import { parseCaseGlb } from '../../src/geometry/phantom.ts';
import { bundledCaseBytes } from '../fixtures/bundled-case.ts';
import { testStore } from '../fixtures/planner-store.ts';
import { engineSim, fixture, inProcessPort } from './imported-harness.ts';

// The import from files to an open case, in Node: the flow talks to the worker's own ops in process (the same
// functions import.worker.ts dispatches to) and opens cases through the real controller on the engine.

async function setUp() {
  const store = testStore();
  const sim = engineSim();
  const controller = createPlannerController({
    store,
    client: sim,
    cases: [{ id: 'femur-shaft', title: 'Femur', url: 'femur-shaft' }],
    loadBytes: async (url) => bundledCaseBytes(url),
    parseForDrawing: async (bytes, title) => (await parseCaseGlb(bytes, title)).parts,
    onCaseDrawn: () => {},
    isCancellation: () => false,
    keepEstimateLive: () => () => {},
  });
  expect(await controller.loadCase('femur-shaft')).toBe(true);
  const port = inProcessPort();
  const openCase = vi.fn(controller.openCaseFile);
  let id = 0;
  const flow = createImportFlow({
    port,
    openCase,
    target: () => [...store.getState().target],
    newCaseId: () => `imported-${++id}`,
    caseBytes: controller.caseFileBytes,
  });
  return { store, flow, port, openCase, controller };
}

describe('importing a bone in the app (issue 12)', () => {
  it('reads the OpenSim femur and a truncated STL: one part listed, the broken file named with its reason', async () => {
    const { store, flow, openCase } = await setUp();
    const before = store.getState();
    await flow.addFiles([fixture('bone-femur_r-opensim-converted.stl'), fixture('broken-truncated-binary.stl')]);
    const s = flow.state.getState();
    expect(s.open).toBe(true);
    expect(s.rows).toHaveLength(1);
    expect(s.errors).toHaveLength(1);
    expect(s.errors[0]).toMatch(/^broken-truncated-binary\.stl: .*59456/);
    const view = importDialogView(s);
    expect(view.parts[0]).toMatchObject({ triangles: 908, unit: 'm', unitGuess: 'm', tissue: 'cortical_bone' });
    expect(view.parts[0]?.size).toBe('7.2 × 45.3 × 10.0 cm');
    expect(view.parts[0]?.sizeWarning).toBe('');
    expect(view.up).toBe('+y');
    expect(view.envelopeOn).toBe(true);
    expect(view.hasLesion).toBe(false);
    expect(view.blocker).toBe('');
    // Reading files changed nothing of the open case.
    expect(store.getState().caseId).toBe('femur-shaft');
    expect(store.getState().parts).toBe(before.parts);
    expect(openCase).not.toHaveBeenCalled();
  });

  it('one click to another unit changes the size shown; an absurd envelope blocks the case with the reason', async () => {
    const { flow } = await setUp();
    await flow.addFiles([fixture('bone-femur_r-opensim-converted.stl')]);
    const id = flow.state.getState().rows[0]?.info.id ?? '';
    flow.setUnit(id, 'mm');
    expect(importDialogView(flow.state.getState()).parts[0]?.size).toBe('72.4 × 452.6 × 100.3 µm');
    // A femur in millimetres-that-are-metres is half a millimetre long: no bone, said beside the size.
    expect(importDialogView(flow.state.getState()).parts[0]?.sizeWarning).toMatch(/^smaller than any bone/);
    flow.setUnit(id, 'm');
    flow.setEnvelope({ fat: 0.1, muscle: 0.1 });
    const view = importDialogView(flow.state.getState());
    expect(view.envelopeError).toMatch(/fat 100\.0 mm is outside 0–80 mm/);
    expect(view.blocker).toMatch(/envelope/);
    expect(await flow.build()).toBe(false);
    expect(flow.state.getState().buildError).toMatch(/^The case was not made: the envelope: fat/);
  });

  it('a broken file alone opens no case; the case and its plan stay as they were', async () => {
    const { store, flow, openCase } = await setUp();
    store.getState().setTarget([0.001, 0.002, 0.003]);
    await flow.addFiles([fixture('broken-empty.obj')]);
    expect(flow.state.getState().errors).toEqual(['broken-empty.obj: the file is empty']);
    expect(importBlocker(flow.state.getState())).toMatch(/no part to import/);
    expect(await flow.build()).toBe(false);
    flow.cancel();
    expect(flow.state.getState().open).toBe(false);
    expect(openCase).not.toHaveBeenCalled();
    expect(store.getState().caseId).toBe('femur-shaft');
    expect(store.getState().target).toEqual([0.001, 0.002, 0.003]);
  });

  it('refuses a file over the size limit before reading it, naming the file and the limit', async () => {
    const { flow } = await setUp();
    const bytes = vi.fn(async () => new ArrayBuffer(0));
    await flow.addFiles([{ name: 'scan.stl', size: 300 * 2 ** 20, bytes }]);
    expect(flow.state.getState().errors).toEqual(['scan.stl: 300 MiB is more than the 256 MiB the importer reads']);
    expect(bytes).not.toHaveBeenCalled();
  });

  it('makes the case with an envelope, opens it, then places a lesion at the clicked point of the bone', async () => {
    const { store, flow, openCase } = await setUp();
    await flow.addFiles([fixture('bone-femur_r-opensim-converted.stl')]);
    expect(await flow.build()).toBe(true);
    expect(openCase).toHaveBeenCalledTimes(1);
    let s = store.getState();
    expect(s.caseId).toBe('imported-1');
    expect(s.caseStatus).toBe('ready');
    expect(s.parts.map((p) => p.tissue).sort()).toEqual(['cortical_bone', 'fat', 'muscle', 'skin']);
    expect(flow.state.getState().open).toBe(false);
    expect(flow.state.getState().cases.map((c) => c.id)).toEqual(['imported-1']);
    const pending = flow.state.getState().lesion;
    expect(pending?.caseId).toBe('imported-1');

    // A lesion far from the bone is refused with the reason, and the case stays as it is.
    store.getState().setTarget([0.2, 0, 0]);
    expect(await flow.placeLesion()).toBe(false);
    expect(flow.state.getState().lesion?.error).toMatch(/from the nearest bone/);
    expect(store.getState().caseId).toBe('imported-1');

    // On the bone (a vertex of it, where a click would land): the case opens again with the lesion, aimed at it.
    const drawn = await parseCaseGlb(await bytesOf(s.caseId), '');
    const bone = drawn.parts.find((p) => p.tissue === 'cortical_bone')?.geometry.getAttribute('position');
    const onBone: [number, number, number] = [bone?.getX(0) ?? 0, bone?.getY(0) ?? 0, bone?.getZ(0) ?? 0];
    store.getState().setTarget(onBone);
    flow.setLesionRadii([0.008, 0.012, 0.008]);
    expect(await flow.placeLesion()).toBe(true);
    s = store.getState();
    const withLesion = flow.state.getState().cases;
    expect(withLesion).toHaveLength(1);
    expect(s.caseId).toBe(withLesion[0]?.id);
    expect(s.caseId).not.toBe('imported-1');
    expect(s.parts.some((p) => p.tissue === 'lesion')).toBe(true);
    expect(s.target[0]).toBeCloseTo(onBone[0], 3);
    expect(s.target[1]).toBeCloseTo(onBone[1], 3);
    expect(flow.state.getState().lesion).toBeUndefined();
    // The bare case gives way to the one with the lesion in the picker.
    expect(openCase.mock.calls[1]?.[2]).toBe('imported-1');

    async function bytesOf(caseId: string): Promise<ArrayBuffer> {
      const call = openCase.mock.calls.find((c) => c[0].id === caseId);
      return call?.[1] as ArrayBuffer;
    }
  }, 60_000);

  // A walk skipped the lesion (or left the case before placing it) and found no way back to it but importing again.
  it('a bone left without a lesion can have one placed later, on its own file, after another case was open', async () => {
    const { store, flow, controller } = await setUp();
    await flow.addFiles([fixture('bone-femur_r-opensim-converted.stl')]);
    expect(await flow.build()).toBe(true);
    flow.skipLesion();
    expect(flow.lacksLesion('imported-1')).toBe(true);
    expect(flow.lacksLesion('femur-shaft')).toBe(false);
    // Another import leaves the importer holding that case's parts, not this one's.
    await flow.addFiles([fixture('misc-obj-negative-indices-quads.obj')]);
    expect(await flow.build()).toBe(true);
    flow.skipLesion();
    expect(await controller.loadCase('imported-1')).toBe(true);

    expect(flow.startLesion('imported-1')).toBe(true);
    expect(flow.state.getState().lesion).toMatchObject({ caseId: 'imported-1', later: true });
    const drawn = await parseCaseGlb(controller.caseFileBytes('imported-1') as ArrayBuffer, '');
    const bone = drawn.parts.find((p) => p.tissue === 'cortical_bone')?.geometry.getAttribute('position');
    store.getState().setTarget([bone?.getX(0) ?? 0, bone?.getY(0) ?? 0, bone?.getZ(0) ?? 0]);
    expect(await flow.placeLesion()).toBe(true);
    const s = store.getState();
    // The femur with its lesion, not the cube the importer built last.
    expect(s.parts.some((p) => p.tissue === 'lesion')).toBe(true);
    expect(s.parts.filter((p) => p.tissue === 'cortical_bone')).toHaveLength(1);
    const bounds = s.caseSummary?.bounds;
    expect((bounds?.max[1] ?? 0) - (bounds?.min[1] ?? 0)).toBeGreaterThan(0.3);
    expect(flow.lacksLesion(s.caseId)).toBe(false);
    expect(flow.startLesion(s.caseId)).toBe(false);
  }, 60_000);
});

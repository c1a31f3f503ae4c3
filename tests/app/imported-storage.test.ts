import { describe, expect, it } from 'vitest';
import { caseGlbKey, IMPORTED_CASES_KEY, keptCases } from '../../src/app/import-cases.ts';
import { memoryKeyValue } from '../../src/app/key-value.ts';
import { LAST_CASE_KEY, planKey } from '../../src/app/plan-storage.ts';
import { FEMUR, fixture, importFemurWithLesion, session } from './imported-harness.ts';

// Nothing lost across a reload: an imported case (its case file and its choices) is kept in the browser's storage
// beside the plans; after a reload the picker lists it and its autosaved plan comes back on it; forgetting it frees
// its storage; a storage that refuses is said plainly.

describe('imported cases across a reload', () => {
  it('come back in the picker with their autosaved plan, and are forgotten with their storage', async () => {
    const kv = memoryKeyValue();
    const first = session(kv, 'first');
    expect(await first.controller.loadCase('femur-shaft')).toBe(true);
    await importFemurWithLesion(first, [0.008, 0.012, 0.008]);
    const id = first.store.getState().caseId;
    const target = first.store.getState().target;
    first.store
      .getState()
      .setSpots([{ id: 'spot-k', focus: [...target], acousticPower: 25, duration: 12, cooling: 6 }], 'spot-k');
    await first.keeper.flush();
    // The bare bone the lesion was placed on gave way to the case with the lesion, in storage too.
    expect((await keptCases(kv)).map((c) => c.id)).toEqual([id]);
    expect(kv.data.has(caseGlbKey('first-1'))).toBe(false);
    expect(kv.data.get(caseGlbKey(id))).toBeInstanceOf(ArrayBuffer);
    expect(kv.data.get(LAST_CASE_KEY)).toBe(id);
    expect(first.errors).toEqual([]);

    // A reload: a new app on the same storage.
    const second = session(kv, 'second');
    await second.start();
    const s = second.store.getState();
    expect(s.caseId).toBe(id);
    expect(s.caseStatus).toBe('ready');
    expect(s.parts.some((p) => p.tissue === 'lesion')).toBe(true);
    expect(s.target).toEqual(target);
    expect(s.spots.map((p) => p.id)).toEqual(['spot-k']);
    expect(second.flow.state.getState().cases.map((c) => c.title)).toEqual([`Imported: ${FEMUR.replace('.stl', '')}`]);
    // Its plan still saves as a mesh medium after the reload.
    second.io.save();
    const file = JSON.parse((await second.downloads[0]?.blob.text()) ?? '');
    expect(file.medium.type).toBe('mesh');
    expect(file.medium.lesion.radii).toEqual([0.008, 0.012, 0.008]);

    await second.io.forgetCase(id);
    expect(second.store.getState().caseId).toBe('femur-shaft');
    expect(second.flow.state.getState().cases).toEqual([]);
    expect(kv.data.has(caseGlbKey(id))).toBe(false);
    expect(kv.data.has(planKey(id))).toBe(false);
    expect(kv.data.get(IMPORTED_CASES_KEY)).toEqual([]);
    expect(second.files.getState().message?.text).toMatch(/is forgotten/);
    expect(await second.controller.loadCase(id)).toBe(false);

    const third = session(kv, 'third');
    await third.start();
    expect(third.store.getState().caseId).toBe('femur-shaft');
    expect(third.flow.state.getState().cases).toEqual([]);
  }, 120_000);

  it('a storage that refuses is said plainly, and the case still opens for the session', async () => {
    const kv = memoryKeyValue();
    const full = {
      ...kv,
      set: async (key: string, value: unknown) => {
        if (key.startsWith('case-glb:')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return kv.set(key, value);
      },
    };
    const s = session(full, 'full');
    expect(await s.controller.loadCase('femur-shaft')).toBe(true);
    await s.flow.addFiles([fixture(FEMUR)]);
    expect(await s.flow.build()).toBe(true);
    expect(s.store.getState().caseId).toBe('full-1');
    expect(s.errors).toEqual([
      `Imported: ${FEMUR.replace('.stl', '')} is open for this session only and will be gone after a reload: the browser's storage refused (The quota has been exceeded.).`,
    ]);
    expect(await keptCases(kv)).toEqual([]);
  }, 120_000);
});

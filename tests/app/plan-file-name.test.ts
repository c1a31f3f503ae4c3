import { describe, expect, it } from 'vitest';
import { fileSafeName, planFileName } from '../../src/app/plan-file-name.ts';
import { FEMUR, fixture, session } from './imported-harness.ts';

// A saved plan is named after what the user knows: a bundled case's id, an imported case's file (its title), never
// the app's internal id of an imported case ("imported-mx4lmya1-2-plan.json").

describe('planFileName', () => {
  it('names a bundled case’s plan after its id, as before', () => {
    expect(planFileName('femur-shaft')).toBe('femur-shaft-plan.json');
  });

  it('names an imported case’s plan after its title less the app’s “Imported: ”', () => {
    expect(planFileName('imported-mx4lmya1-2', { title: 'Imported: femur_r' })).toBe('femur_r-plan.json');
    expect(planFileName('imported-mx4lmya1-2', { title: 'Imported: bone-tibia_l-vhf-binary + 1 more' })).toBe(
      'bone-tibia_l-vhf-binary_1_more-plan.json',
    );
  });

  it('makes the name safe for a file system: no separators, colons, quotes or spaces, no hidden file', () => {
    expect(fileSafeName('../My "left" femur: v2/final')).toBe('My_left_femur_v2_final');
    expect(fileSafeName('.hidden bone')).toBe('hidden_bone');
    expect(fileSafeName('Fémur gauche')).toBe('Fémur_gauche');
    expect(fileSafeName('a'.repeat(300))).toHaveLength(80);
  });

  it('falls back to the id when nothing of the title is left', () => {
    expect(planFileName('imported-x-1', { title: 'Imported: ***' })).toBe('imported-x-1-plan.json');
    expect(planFileName('imported-x-1', { title: 'Imported: ' })).toBe('imported-x-1-plan.json');
  });
});

describe('Save plan on an imported case', () => {
  it('downloads the plan named after the imported file, not the case’s id, and says that name', async () => {
    const s = session();
    expect(await s.controller.loadCase('femur-shaft')).toBe(true);
    await s.flow.addFiles([fixture(FEMUR)]);
    expect(await s.flow.build()).toBe(true);
    expect(s.store.getState().caseId).toMatch(/^imported-/);
    s.io.save();
    expect(s.downloads.map((d) => d.filename)).toEqual(['bone-femur_r-opensim-converted-plan.json']);
    expect(s.files.getState().message?.text).toContain('Saved bone-femur_r-opensim-converted-plan.json.');
  }, 120_000);
});

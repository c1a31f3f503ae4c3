import { describe, expect, it } from 'vitest';
import { TISSUES } from '../../src/physics/tissues.ts';
import { sonicationInputs } from '../../src/state/selectors.ts';
import {
  caseTissues,
  changedValueCount,
  keepTissues,
  withoutTissue,
  withTissueValue,
  withTissueValues,
} from '../../src/state/tissue-overrides.ts';
import { testStore } from '../fixtures/planner-store.ts';

describe('tissue overrides (pure helpers)', () => {
  it('sets a value, and the built-in value or undefined clears it and the tissue', () => {
    const a = withTissueValue({}, 'cortical_bone', 'absorptionFraction', 0.16);
    expect(a).toEqual({ cortical_bone: { absorptionFraction: 0.16 } });
    const b = withTissueValue(a, 'cortical_bone', 'density', 2000);
    expect(changedValueCount(b)).toBe(2);
    expect(withTissueValue(b, 'cortical_bone', 'density', TISSUES.cortical_bone.density)).toEqual(a);
    expect(withTissueValue(a, 'cortical_bone', 'absorptionFraction', undefined)).toEqual({});
  });

  it('returns the same object when nothing changes (no empty undo step)', () => {
    const a = withTissueValue({}, 'skin', 'speedOfSound', 1600);
    expect(withTissueValue(a, 'skin', 'speedOfSound', 1600)).toBe(a);
    expect(withTissueValue(a, 'fat', 'density', TISSUES.fat.density)).toBe(a);
    expect(withoutTissue(a, 'fat')).toBe(a);
    expect(keepTissues(a, ['skin'])).toBe(a);
    // A value equal to the table's within float noise (converted from another unit) is no change either.
    expect(withTissueValue(a, 'muscle', 'perfusion', TISSUES.muscle.perfusion * (1 + 1e-15))).toBe(a);
  });

  it('sets several values at once, resets one tissue, keeps only the tissues of a case', () => {
    const both = withTissueValues(
      {},
      {
        cortical_bone: { absorptionFraction: 0.16 },
        trabecular_bone: { absorptionFraction: 0.15 },
      },
    );
    expect(changedValueCount(both)).toBe(2);
    expect(withoutTissue(both, 'trabecular_bone')).toEqual({ cortical_bone: { absorptionFraction: 0.16 } });
    expect(keepTissues(both, ['water', 'cortical_bone'])).toEqual({ cortical_bone: { absorptionFraction: 0.16 } });
  });

  it("lists a case's tissues once each, the coupling water first, in the table's order", () => {
    expect(caseTissues([{ tissue: 'muscle' }, { tissue: 'skin' }, { tissue: 'muscle' }])).toEqual([
      'water',
      'skin',
      'muscle',
    ]);
    expect(caseTissues([])).toEqual(['water']);
  });
});

const summary = (tissues: string[]) =>
  ({
    meta: { id: 'c', title: 'C', description: '', defaultTarget: [0, 0, 0], defaultBeamDirection: [0, -1, 0] },
    parts: tissues.map((tissue, i) => ({ name: `p${i}`, tissue, label: tissue })),
  }) as unknown as Parameters<ReturnType<ReturnType<typeof testStore>['getState']>['setCaseLoaded']>[0];

describe('tissue overrides in the store', () => {
  it('are one undo step each, bracket included, and undo restores the previous value', () => {
    const s = testStore();
    const { undo, redo } = s.temporal.getState();
    s.getState().setTissueValue('cortical_bone', 'absorptionFraction', 0.5);
    s.getState().setTissueValues({ cortical_bone: { absorptionFraction: 0.16 }, skin: { density: 1200 } });
    expect(s.getState().tissueOverrides).toEqual({
      cortical_bone: { absorptionFraction: 0.16 },
      skin: { density: 1200 },
    });
    undo();
    expect(s.getState().tissueOverrides).toEqual({ cortical_bone: { absorptionFraction: 0.5 } });
    undo();
    expect(s.getState().tissueOverrides).toEqual({});
    redo(2);
    s.getState().resetTissue('skin');
    expect(s.getState().tissueOverrides).toEqual({ cortical_bone: { absorptionFraction: 0.16 } });
    s.getState().resetAllTissues();
    expect(s.getState().tissueOverrides).toEqual({});
    const depth = s.temporal.getState().pastStates.length;
    s.getState().resetAllTissues();
    s.getState().setTissueValue('fat', 'density', TISSUES.fat.density);
    expect(s.temporal.getState().pastStates.length).toBe(depth);
  });

  it('a new case keeps the values of tissues it has and drops the others', () => {
    const s = testStore();
    s.getState().setTissueValues({
      water: { speedOfSound: 1500 },
      cortical_bone: { absorptionFraction: 0.16 },
      bowel: { perfusion: 5 },
    });
    s.getState().setCaseLoading('rib');
    s.getState().setCaseLoaded(summary(['skin', 'cortical_bone', 'lung']), () => 1);
    expect(s.getState().tissueOverrides).toEqual({
      water: { speedOfSound: 1500 },
      cortical_bone: { absorptionFraction: 0.16 },
    });
  });

  it('a finished run remembers the tissue values it was computed with', () => {
    const s = testStore();
    expect(s.getState().run.tissueOverrides).toEqual({});
    s.getState().setTissueValue('cortical_bone', 'absorptionFraction', 0.16);
    const inputs = sonicationInputs(s.getState());
    s.getState().startRun();
    const outcome = { summary: {}, time: new Float64Array([0, 1]) } as unknown as Parameters<
      ReturnType<typeof s.getState>['finishRun']
    >[0];
    s.getState().resetAllTissues();
    s.getState().finishRun(outcome, inputs);
    expect(s.getState().run.tissueOverrides).toEqual({ cortical_bone: { absorptionFraction: 0.16 } });
  });
});

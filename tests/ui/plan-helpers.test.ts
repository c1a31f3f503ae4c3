import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../src/physics/transducer.ts';
import {
  anglesFromDirection,
  directionFromAngles,
  fieldUndoKey,
  formatPointMm,
  isTypingTarget,
  parseCount,
  planTotals,
  presetOf,
  RULES,
  shortcutFor,
  transducerProblem,
} from '../../src/ui/plan-helpers.ts';
import { formatForField, parseQuantity } from '../../src/ui/quantity.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('transducer tilt', () => {
  it('straight below is tilt 0', () => {
    expect(anglesFromDirection([0, -1, 0]).tilt).toBeCloseTo(0, 12);
    expect(directionFromAngles(0, 0)).toEqual([0, -1, 0]);
  });

  it('round-trips angles to a unit vector and back', () => {
    for (const [az, tilt] of [
      [0.3, 0.4],
      [-2, 1.2],
      [Math.PI / 2, Math.PI / 2],
    ] as const) {
      const d = directionFromAngles(az, tilt);
      expect(Math.hypot(...d)).toBeCloseTo(1, 12);
      const back = anglesFromDirection(d);
      expect(back.tilt).toBeCloseTo(tilt, 10);
      expect(back.azimuth).toBeCloseTo(az, 10);
    }
  });

  it('90° azimuth tilts toward +z', () => {
    const d = directionFromAngles(Math.PI / 2, Math.PI / 4);
    expect(d[0]).toBeCloseTo(0, 12);
    expect(d[2]).toBeGreaterThan(0);
  });

  it('typed in degrees', () => {
    const r = parseQuantity('30', RULES.tilt);
    expect(r.ok && r.value).toBeCloseTo(Math.PI / 6, 12);
    // The femur's default transducer sits above and to the side: 135° from straight below.
    const above = parseQuantity('135 deg', RULES.tilt);
    expect(above.ok && above.value).toBeCloseTo((3 * Math.PI) / 4, 12);
    const bad = parseQuantity('200 deg', RULES.tilt);
    expect(bad).toEqual({ ok: false, error: 'Must be between 0 and 180 deg.' });
  });
});

describe('typed values', () => {
  it('give an example of a unit inside the field’s own range', () => {
    const frequency = parseQuantity('fast', RULES.frequency);
    expect(frequency).toEqual({ ok: false, error: '"fast" is not a value with a unit, e.g. "0.8 MHz".' });
    expect(parseQuantity('lots', RULES.power)).toEqual({
      ok: false,
      error: '"lots" is not a value with a unit, e.g. "60 W".',
    });
  });

  // A walk typed "50 °C" into the power and read that it "is not a value with a unit".
  it('say a number with a unit the field does not take is in the wrong units, whether mathjs knows it or not', () => {
    expect(parseQuantity('50 °C', RULES.power)).toEqual({
      ok: false,
      error: '"50 °C" is not in units of W, e.g. "60 W".',
    });
    expect(parseQuantity('50 s', RULES.power)).toEqual({ ok: false, error: '"50 s" is not in units of W.' });
  });

  it('take the field’s own unit in any case ("50 w", "1.2 mhz"), and no other unit folded', () => {
    const w = parseQuantity('50 w', RULES.power);
    expect(w.ok && w.value).toBe(50);
    const mhz = parseQuantity('1.2 mhz', RULES.frequency);
    expect(mhz.ok && mhz.value).toBeCloseTo(1.2e6, 6);
    expect(parseQuantity('20 S', RULES.duration)).toEqual({ ok: true, value: 20 });
    // kW is not the field's unit: mathjs's spelling is needed for it.
    expect(parseQuantity('0.05 KW', RULES.power).ok).toBe(false);
  });

  it('coordinates in mm, negative allowed', () => {
    const a = parseQuantity('-12.5', RULES.coordinate);
    expect(a.ok && a.value).toBeCloseTo(-0.0125, 12);
    const b = parseQuantity('-1.2 cm', RULES.coordinate);
    expect(b.ok && b.value).toBeCloseTo(-0.012, 12);
  });

  it('frequency within 0.2–3 MHz', () => {
    const ok = parseQuantity('1.2 MHz', RULES.frequency);
    expect(ok.ok && ok.value).toBeCloseTo(1.2e6, 3);
    expect(parseQuantity('5 MHz', RULES.frequency)).toEqual({ ok: false, error: 'Must be between 0.2 and 3 MHz.' });
    expect(parseQuantity('1 mm', RULES.frequency).ok).toBe(false);
  });

  it('element counts are whole numbers', () => {
    expect(parseCount('208')).toEqual({ ok: true, value: 208 });
    expect(parseCount('2.5').ok).toBe(false);
    expect(parseCount('0').ok).toBe(false);
    expect(parseCount('').ok).toBe(false);
  });
});

describe('transducer presets and checks', () => {
  it('recognises the presets and custom geometry', () => {
    expect(presetOf(PRESETS.clinicalBodyArray)).toBe('clinicalBodyArray');
    expect(presetOf(PRESETS.singleElementBowl)).toBe('singleElementBowl');
    expect(presetOf({ ...PRESETS.clinicalBodyArray, frequency: 0.65e6 })).toBe('custom');
  });

  it('accepts the presets and rejects geometry that cannot be built', () => {
    expect(transducerProblem(PRESETS.clinicalBodyArray)).toBe('');
    expect(transducerProblem(PRESETS.singleElementBowl)).toBe('');
    expect(transducerProblem({ ...PRESETS.clinicalBodyArray, aperture: 0.4 })).not.toBe('');
    expect(transducerProblem({ ...PRESETS.clinicalBodyArray, centralHoleDiameter: 0.13 })).not.toBe('');
    expect(transducerProblem({ ...PRESETS.clinicalBodyArray, elementCount: 1000 })).not.toBe('');
  });
});

describe('plan totals', () => {
  it('sums energy and time', () => {
    const t = planTotals([
      { acousticPower: 50, duration: 20, cooling: 30 },
      { acousticPower: 60, duration: 10, cooling: 40 },
    ]);
    expect(t).toEqual({ energy: 1600, heating: 30, time: 100 });
    expect(planTotals([])).toEqual({ energy: 0, heating: 0, time: 0 });
  });
});

describe('keyboard shortcuts', () => {
  it('maps keys to actions', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true }))).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(shortcutFor(key('s'))).toBe('sonicate');
    expect(shortcutFor(key('S'))).toBe('sonicate');
    expect(shortcutFor(key('a'))).toBe('add-spot');
    expect(shortcutFor(key('Delete'))).toBe('remove-spot');
    expect(shortcutFor(key('Escape'))).toBe('cancel');
    expect(shortcutFor(key('s', { ctrlKey: true }))).toBeUndefined();
    expect(shortcutFor(key('x'))).toBeUndefined();
    expect(shortcutFor(key('a', { altKey: true }))).toBeUndefined();
  });

  it('leaves typing in fields alone', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'SELECT' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('typed fields', () => {
  it('show a dragged value at the field’s precision: 0.1 mm, 0.1°, 0.1 W; no padding zeros', () => {
    expect(formatForField(0.0191833, RULES.coordinate)).toBe('19.2 mm');
    expect(formatForField((109.884 * Math.PI) / 180, RULES.tilt)).toBe('109.9 deg');
    expect(formatForField(50, RULES.power)).toBe('50 W');
    expect(formatForField(1e6, RULES.frequency)).toBe('1 MHz');
    expect(formatForField(-0.00001, RULES.coordinate)).toBe('0 mm');
  });

  it('Ctrl/⌘+Z discards typed text first, then is the plan’s undo; other keys are not undo keys', () => {
    expect(fieldUndoKey(key('z', { ctrlKey: true }), true)).toBe('discard');
    expect(fieldUndoKey(key('z', { ctrlKey: true }), false)).toBe('plan');
    expect(fieldUndoKey(key('z', { metaKey: true, shiftKey: true }), false)).toBe('plan');
    expect(fieldUndoKey(key('y', { ctrlKey: true }), true)).toBe('discard');
    expect(fieldUndoKey(key('z'), true)).toBe('none');
    expect(fieldUndoKey(key('Enter'), false)).toBe('none');
  });
});

// A new user read a spot at "(12.8, 14, -5.89) mm": three coordinates, three precisions.
describe('spot positions', () => {
  it('shows all three coordinates to a tenth of a millimetre', () => {
    expect(formatPointMm([0.0128, 0.014, -0.00589])).toBe('(12.8, 14.0, -5.9) mm');
    expect(formatPointMm([0.1234, 0, -0.00001])).toBe('(123.4, 0.0, 0.0) mm');
    expect(formatPointMm([Number.NaN, 0.001, 0.002])).toBe('(—, 1.0, 2.0) mm');
  });
});

// A new user typed "60,5 W" and was told it is "not a value with a unit".
describe('a decimal comma', () => {
  const power = { si: 'W', min: 0.1, max: 500, display: 'W', scale: 1 };

  it('is refused with a hint to use a decimal point, never read silently', () => {
    const r = parseQuantity('60,5 W', power);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('use a decimal point: "60.5 W"');
    const bare = parseQuantity('60,5', power);
    expect(!bare.ok && bare.error).toContain('use a decimal point: "60.5"');
  });

  it('with three digits after it, may be a thousands separator: the hint says both', () => {
    const r = parseQuantity('1,000 W', power);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('"1.000 W"');
    expect(!r.ok && r.error).toContain('"1000 W"');
  });
});

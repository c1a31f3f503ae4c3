import { describe, expect, it } from 'vitest';
import { type AcousticDrive, computeAcousticField } from '../../src/physics/acoustic-field.ts';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import { layoutSphericalArray, PRESETS } from '../../src/physics/transducer.ts';

// Per-element amplitude (apodisation) and on/off, on the clinical array focused in water.
const spec = PRESETS.clinicalBodyArray;
const R = spec.radiusOfCurvature;
const layout = layoutSphericalArray(spec);
const n = 9;
const spacing = 5e-4;
const grid = { nx: n, ny: n, nz: n, spacing, origin: [-4 * spacing, -4 * spacing, R - 4 * spacing] as const };
const labels = new Uint8Array(n ** 3);
const tissues: TissueId[] = ['water'];

function drive(elements: Partial<AcousticDrive['elements']> = {}): AcousticDrive {
  return {
    elements: {
      positions: layout.positions,
      normals: layout.normals,
      areas: layout.areas,
      radius: layout.elementRadius,
      ...elements,
    },
    frequency: spec.frequency,
    acousticPower: 40,
    focus: [0, 0, R],
    elementPaths: Array.from({ length: layout.count }, () => []),
  };
}

const uniform = computeAcousticField(drive(), grid, labels, tissues);

describe('element amplitudes keep the acoustic power', () => {
  it('a uniform amplitude of 2 gives the same field as the default (1e-12)', () => {
    const doubled = computeAcousticField(
      drive({ amplitudes: new Float64Array(layout.count).fill(2) }),
      grid,
      labels,
      tissues,
    );
    expect(doubled.peakPressure / uniform.peakPressure).toBeCloseTo(1, 12);
  });

  it('amplitude 0 on half the elements equals switching that half off (1e-12)', () => {
    const half = Float64Array.from({ length: layout.count }, (_, i) => (i % 2 === 0 ? 1 : 0));
    const off = Uint8Array.from(half);
    const byAmplitude = computeAcousticField(drive({ amplitudes: half }), grid, labels, tissues);
    const bySwitch = computeAcousticField(drive({ active: off }), grid, labels, tissues);
    expect(byAmplitude.peakPressure / bySwitch.peakPressure).toBeCloseTo(1, 12);
    // Same power from half the area: focal pressure falls by about √2 (coherent sum of half the elements,
    // each driven √2 harder).
    expect(bySwitch.peakPressure / uniform.peakPressure).toBeCloseTo(Math.SQRT1_2, 1);
  });

  it('refuses a negative or non-finite amplitude', () => {
    const bad = new Float64Array(layout.count).fill(1);
    bad[3] = -1;
    expect(() => computeAcousticField(drive({ amplitudes: bad }), grid, labels, tissues)).toThrow(
      /amplitude of element 3/,
    );
  });
});

describe('element phase offsets', () => {
  it('a common offset of π changes nothing at the focus (1e-12)', () => {
    const shifted = computeAcousticField(
      drive({ phaseOffsets: new Float64Array(layout.count).fill(Math.PI) }),
      grid,
      labels,
      tissues,
    );
    expect(shifted.peakPressure / uniform.peakPressure).toBeCloseTo(1, 12);
  });

  it('putting half the elements in anti-phase destroys the focus (below 20 % of the peak)', () => {
    const offsets = Float64Array.from({ length: layout.count }, (_, i) => (i % 2 === 0 ? 0 : Math.PI));
    const scrambled = computeAcousticField(drive({ phaseOffsets: offsets }), grid, labels, tissues);
    const centre = 4 + n * (4 + n * 4);
    expect(scrambled.pressure[centre] as number).toBeLessThan(0.2 * (uniform.pressure[centre] as number));
  });
});

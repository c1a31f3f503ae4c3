import { describe, expect, it } from 'vitest';
import { beamSources } from '../../src/engine/beam-sources.ts';
import { estimate } from '../../src/engine/estimate.ts';
import { lazySourceLayout, radiatingArea, sourceLayout } from '../../src/engine/source-layout.ts';
import { PRESETS, radiatingAreaOf } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

type Vec3 = [number, number, number];

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;
const pose = { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: 0.16 };
const freeBeams: Vec3[] = [
  [pose.target[0] + 0.1, pose.target[1] + 0.1, pose.target[2]],
  [pose.target[0] + 0.14, pose.target[1] + 0.03, pose.target[2] + 0.02],
];

describe('the radiating area the drive convention uses', () => {
  it.each([
    ['the clinical array', PRESETS.clinicalBodyArray],
    ['the research bowl', PRESETS.singleElementBowl],
    ['a bowl with a 40 mm hole', { ...PRESETS.singleElementBowl, centralHoleDiameter: 0.04 }],
  ])('closed form = Σ ΔS of the layout the Rayleigh sum uses (%s, 1e-9)', (_, spec) => {
    const sum = radiatingArea(sourceLayout(spec));
    expect(Math.abs(radiatingAreaOf(spec) / sum - 1)).toBeLessThan(1e-9);
  });
});

describe('one source layout per request', () => {
  it('lazySourceLayout builds the layout on the first call and returns the same object after', () => {
    const layout = lazySourceLayout(PRESETS.clinicalBodyArray);
    const first = layout();
    expect(layout()).toBe(first);
    expect(first.positions).toEqual(sourceLayout(PRESETS.clinicalBodyArray).positions);
  });

  it('the array is placed from the layout it is given', () => {
    let built = 0;
    const layout = () => {
      built++;
      return sourceLayout(PRESETS.clinicalBodyArray);
    };
    const sources = beamSources({ transducer: PRESETS.clinicalBodyArray, pose }, layout);
    expect(built).toBe(1);
    expect(sources.kind).toBe('array');
    expect(sources.elements.areas.length).toBe(PRESETS.clinicalBodyArray.elementCount);
  });

  it('free beams never build the array: not even a spec the array layout refuses', () => {
    let built = 0;
    const layout = () => {
      built++;
      return sourceLayout(PRESETS.clinicalBodyArray);
    };
    beamSources({ transducer: PRESETS.clinicalBodyArray, pose, freeBeams }, layout);
    expect(built).toBe(0);
    // A bowl whose hole is as wide as its aperture cannot be tiled (sourceLayout throws); free beams do not need it.
    const holed = { ...PRESETS.singleElementBowl, centralHoleDiameter: PRESETS.singleElementBowl.aperture };
    expect(() => sourceLayout(holed)).toThrow(RangeError);
    const e = estimate(femur.state, { transducer: holed, pose, freeBeams, acousticPower: 20, duration: 10 });
    expect(e.beams.statuses.length).toBe(2);
  });
});

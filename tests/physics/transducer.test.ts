import { describe, expect, test } from 'vitest';
import { conjugatePhases, steeringLoss } from '../../src/physics/focusing.ts';
import { magnitude, rayleighPressure } from '../../src/physics/rayleigh.ts';
import { capDepth, layoutSphericalArray, PRESETS, subdivideBowl } from '../../src/physics/transducer.ts';

const SPEC = PRESETS.clinicalBodyArray;
const R = SPEC.radiusOfCurvature;
const WATER = { density: 1000, speedOfSound: 1500, attenuation: 0 };
const WAVELENGTH = WATER.speedOfSound / SPEC.frequency;
const K = (2 * Math.PI) / WAVELENGTH;

describe('layoutSphericalArray (sunflower on the cap, transducer-local frame)', () => {
  const layout = layoutSphericalArray(SPEC);

  test('places 208 elements on the sphere |r − (0,0,R)| = R with unit normals aimed at the focus (1e-12)', () => {
    expect(layout.count).toBe(208);
    for (let n = 0; n < layout.count; n++) {
      const x = layout.positions[3 * n] as number;
      const y = layout.positions[3 * n + 1] as number;
      const z = layout.positions[3 * n + 2] as number;
      expect(Math.hypot(x, y, z - R)).toBeCloseTo(R, 12);
      // normal = (focus − r)/R
      expect(layout.normals[3 * n] as number).toBeCloseTo(-x / R, 12);
      expect(layout.normals[3 * n + 2] as number).toBeCloseTo((R - z) / R, 12);
    }
  });

  test('element pistons stay inside the aperture, outside the central hole, and do not overlap', () => {
    const b = SPEC.elementDiameter / 2;
    let minDistance = Number.POSITIVE_INFINITY;
    for (let n = 0; n < layout.count; n++) {
      const rho = Math.hypot(layout.positions[3 * n] as number, layout.positions[3 * n + 1] as number);
      expect(rho + b).toBeLessThanOrEqual(SPEC.aperture / 2 + 1e-12);
      expect(rho - b).toBeGreaterThanOrEqual(SPEC.centralHoleDiameter / 2 - 1e-12);
      for (let m = 0; m < n; m++) {
        const d = Math.hypot(
          (layout.positions[3 * n] as number) - (layout.positions[3 * m] as number),
          (layout.positions[3 * n + 1] as number) - (layout.positions[3 * m + 1] as number),
          (layout.positions[3 * n + 2] as number) - (layout.positions[3 * m + 2] as number),
        );
        minDistance = Math.min(minDistance, d);
      }
    }
    console.info(`clinical array: min centre spacing ${(minDistance * 1e3).toFixed(2)} mm`);
    expect(minDistance).toBeGreaterThanOrEqual(SPEC.elementDiameter);
    expect(layout.areas[0]).toBeCloseTo(Math.PI * b * b, 15);
  });
});

describe('subdivideBowl', () => {
  test('patch areas sum to the cap area 2πRh (1e-12) and are near-equal (max/min < 1.6)', () => {
    const bowl = subdivideBowl(0.14, 0.12, 10000);
    const total = bowl.areas.reduce((s, a) => s + a, 0);
    expect(total / (2 * Math.PI * 0.14 * capDepth(0.14, 0.06))).toBeCloseTo(1, 12);
    expect(Math.abs(bowl.count / 10000 - 1)).toBeLessThan(0.05);
    expect(Math.max(...bowl.areas) / Math.min(...bowl.areas)).toBeLessThan(1.6);
  });
});

describe('conjugate-phase steering of the clinical array', () => {
  const layout = layoutSphericalArray(SPEC);

  function field(target: readonly [number, number, number], points: Float64Array): Float64Array {
    const phases = conjugatePhases(layout.positions, target, K);
    const velocityRe = Float64Array.from(phases, Math.cos);
    const velocityIm = Float64Array.from(phases, Math.sin);
    const m = points.length / 3;
    const re = new Float64Array(m);
    const im = new Float64Array(m);
    rayleighPressure({ ...layout, velocityRe, velocityIm }, WATER, SPEC.frequency, points, re, im);
    return magnitude(re, im);
  }

  /** Arg-max of |p| on a box around `centre`, refined three times (final step 0.01 mm). */
  function findPeak(target: readonly [number, number, number]): [number, number, number] {
    let centre: [number, number, number] = [target[0], target[1], target[2]];
    for (const [half, axialHalf, step] of [
      [1.5e-3, 6e-3, 0.3e-3],
      [0.4e-3, 0.8e-3, 0.05e-3],
      [0.1e-3, 0.1e-3, 0.01e-3],
    ] as const) {
      const pts: number[] = [];
      for (let z = -axialHalf; z <= axialHalf + 1e-12; z += step) {
        for (let y = -half; y <= half + 1e-12; y += step) {
          for (let x = -half; x <= half + 1e-12; x += step) pts.push(centre[0] + x, centre[1] + y, centre[2] + z);
        }
      }
      const p = field(target, Float64Array.from(pts));
      let best = 0;
      for (let i = 1; i < p.length; i++) if ((p[i] as number) > (p[best] as number)) best = i;
      centre = [pts[3 * best] as number, pts[3 * best + 1] as number, pts[3 * best + 2] as number];
    }
    return centre;
  }

  // The literal "max |p| within λ/4 of the target" does not hold axially for ANY focused source of this gain:
  // the on-axis maximum is pre-focal (O'Neil focal shift, PHYSICS.md §1.2; 1.1 mm for this array at R, measured).
  // So the spec is: laterally within λ/4, and axially displaced by the same focal shift as an on-axis focus at
  // the same depth (within λ/4) — i.e. steering moves the focal spot with the target.
  test.each([[[5e-3, 0, R] as const], [[0, -4e-3, R + 10e-3] as const], [[3e-3, 3e-3, R - 15e-3] as const]])(
    'focusing at %j: max |p| laterally within λ/4, axially at the on-axis focal shift ± λ/4',
    (target) => {
      const peak = findPeak(target);
      const onAxis = findPeak([0, 0, target[2]]);
      const lateralMiss = Math.hypot(peak[0] - target[0], peak[1] - target[1]);
      const axialShift = peak[2] - target[2];
      const onAxisShift = onAxis[2] - target[2];
      console.info(
        `steer ${JSON.stringify(target)}: lateral miss ${(lateralMiss * 1e3).toFixed(3)} mm, axial shift ` +
          `${(axialShift * 1e3).toFixed(3)} mm (on-axis focal shift ${(onAxisShift * 1e3).toFixed(3)} mm)`,
      );
      expect(lateralMiss).toBeLessThan(WAVELENGTH / 4);
      expect(Math.abs(axialShift - onAxisShift)).toBeLessThan(WAVELENGTH / 4);
      expect(axialShift).toBeLessThanOrEqual(0);
      expect(axialShift).toBeGreaterThan(-2e-3);
    },
  );

  test('steering loss is 1 at the focus and falls off the focus (5 mm lateral: 0.5–1)', () => {
    expect(steeringLoss(layout, R, WATER, SPEC.frequency, [0, 0, R])).toBeCloseTo(1, 12);
    const lateral = steeringLoss(layout, R, WATER, SPEC.frequency, [5e-3, 0, R]);
    console.info(`steering loss at 5 mm lateral: ${lateral.toFixed(4)}`);
    expect(lateral).toBeLessThan(1);
    expect(lateral).toBeGreaterThan(0.5);
  });
});

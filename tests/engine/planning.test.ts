import { describe, expect, it } from 'vitest';
import { beamSources, FREE_BEAM_DIAMETER } from '../../src/engine/beam-sources.ts';
import { estimate } from '../../src/engine/estimate.ts';
import type { PlanOutcome } from '../../src/engine/outcomes.ts';
import type { PlanSpotRequest } from '../../src/engine/requests.ts';
import { planGrid, runPlan } from '../../src/engine/run-plan.ts';
import { spotGrid, spotLayout } from '../../src/engine/spot-grid.ts';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { BEAM_STATUS_CODES } from '../../src/geometry/beam-status.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

type Vec3 = [number, number, number];

const transducer = PRESETS.clinicalBodyArray;
const N = transducer.elementCount;
const iliac = await loadBundledCase('iliac-wing');
const femur = await loadBundledCase('femur-shaft');
const poseOf = (meta: typeof iliac.summary.meta) => ({
  target: meta.defaultTarget,
  direction: meta.defaultBeamDirection,
  distance: transducer.radiusOfCurvature,
});
const iliacPose = poseOf(iliac.summary.meta);
const femurPose = poseOf(femur.summary.meta);
const code = (s: (typeof BEAM_STATUS_CODES)[number]) => BEAM_STATUS_CODES.indexOf(s);

describe('planning beam trace on the iliac wing (gas-filled bowel near the beam path)', () => {
  const plain = traceBeamsForPlanning(iliac.state, { transducer, pose: iliacPose });
  it('the default pose has beams through gas (the bowel); all of them fire without the rule', () => {
    console.info(`iliac default: ${JSON.stringify(plain.allCounts)}`);
    expect(plain.counts.gas).toBeGreaterThan(0);
    expect(plain.activeCount).toBe(N);
    expect(plain.lostAperture).toBe(0);
    const sum = Object.values(plain.allCounts).reduce((a, b) => a + (b ?? 0), 0);
    expect(sum).toBe(N);
  });

  it('autoSwitchOff takes gas, critical and no-pass beams out of firing: lostAperture > 0', () => {
    const auto = traceBeamsForPlanning(iliac.state, { transducer, pose: iliacPose, autoSwitchOff: true });
    for (let e = 0; e < N; e++) {
      const s = auto.statuses[e] as number;
      const blocked = s === code('gas') || s === code('critical') || s === code('nopass');
      expect(auto.firing[e]).toBe(blocked ? 0 : 1);
    }
    expect(auto.activeCount).toBe(N - plain.counts.gas - plain.counts.critical);
    expect(auto.lostAperture).toBeGreaterThan(0);
    // Equal-area elements: the lost area fraction is the switched-off count over N.
    expect(auto.lostAperture).toBeCloseTo((N - auto.activeCount) / N, 12);
  });

  it('elements off by hand show "off" (worst status) and do not fire', () => {
    const elementsOn = new Uint8Array(N).fill(1);
    const gasBeam = plain.statuses.indexOf(code('gas'));
    elementsOn[gasBeam] = 0;
    elementsOn[0] = 0;
    const t = traceBeamsForPlanning(iliac.state, { transducer, pose: iliacPose, elementsOn });
    expect(t.statuses[gasBeam]).toBe(code('off'));
    expect(t.counts.off).toBe(gasBeam === 0 ? 1 : 2);
    expect(t.firing[0]).toBe(0);
  });

  it('moving the transducer (another direction) changes the statuses', () => {
    const d = iliacPose.direction;
    const tilt = [d[0] + 0.35, d[1], d[2] - 0.2];
    const n = Math.hypot(...tilt);
    const moved = traceBeamsForPlanning(iliac.state, {
      transducer,
      pose: { ...iliacPose, direction: tilt.map((x) => x / n) as Vec3 },
    });
    let changed = 0;
    for (let e = 0; e < N; e++) if (moved.statuses[e] !== plain.statuses[e]) changed++;
    console.info(`iliac tilted: ${JSON.stringify(moved.allCounts)}, ${changed} statuses changed`);
    expect(changed).toBeGreaterThan(0);
  });

  it('a no-pass sphere on the beam path flags the beams through it "nopass"', () => {
    const { target, direction } = iliacPose;
    const centre = target.map((x, a) => x + 0.08 * (direction[a] as number)) as Vec3;
    const t = traceBeamsForPlanning(iliac.state, {
      transducer,
      pose: iliacPose,
      noPass: [{ id: 'np', kind: 'sphere', centre, size: 0.01 }],
      autoSwitchOff: true,
    });
    expect(t.counts.nopass).toBeGreaterThan(0);
    for (let e = 0; e < N; e++) if (t.statuses[e] === code('nopass')) expect(t.firing[e]).toBe(0);
    // The same sphere moved off the path flags nothing.
    const away = traceBeamsForPlanning(iliac.state, {
      transducer,
      pose: iliacPose,
      noPass: [{ id: 'np', kind: 'box', centre: [centre[0] + 0.2, centre[1], centre[2]], size: 0.01 }],
    });
    expect(away.counts.nopass).toBe(0);
  });
});

describe('free beams', () => {
  const freeBeams: Vec3[] = [
    [femurPose.target[0] + 0.1, femurPose.target[1] + 0.1, femurPose.target[2]],
    [femurPose.target[0] + 0.14, femurPose.target[1] + 0.03, femurPose.target[2] + 0.02],
    [femurPose.target[0] + 0.05, femurPose.target[1] + 0.13, femurPose.target[2] - 0.02],
  ];
  it('the sources are 20 mm pistons at the given points, aimed at the focus', () => {
    const s = beamSources({ transducer, pose: femurPose, freeBeams });
    expect(s.kind).toBe('free');
    expect(s.elementRadius).toBe(FREE_BEAM_DIAMETER / 2);
    expect(s.elements.areas.length).toBe(3);
    const p = s.elements.positions;
    const n = s.elements.normals;
    const d = femurPose.target.map((x, a) => x - (p[a] as number));
    const len = Math.hypot(...d);
    for (let a = 0; a < 3; a++) expect(n[a]).toBeCloseTo((d[a] as number) / len, 12);
  });
  it('trace and estimate run on them', () => {
    const t = traceBeamsForPlanning(femur.state, { transducer, pose: femurPose, freeBeams });
    expect(t.statuses.length).toBe(3);
    expect(t.elementPositions[0]).toBeCloseTo(freeBeams[0]?.[0] as number, 6);
    const e = estimate(femur.state, { transducer, pose: femurPose, freeBeams, acousticPower: 20, duration: 10 });
    expect(e.focalPressure).toBeGreaterThan(0);
    expect(e.steeringLoss).toBe(1);
    expect(e.predictedPeakTemperature).toBeGreaterThan(37);
  });
});

describe('estimate op', () => {
  it('iliac default: switching off gas beams keeps the power on fewer elements; the estimate reports the loss of aperture', () => {
    const base = { transducer, pose: iliacPose, acousticPower: 50, duration: 20 };
    const all = estimate(iliac.state, base);
    const auto = estimate(iliac.state, { ...base, autoSwitchOff: true });
    expect(auto.beams.lostAperture).toBeGreaterThan(0);
    expect(all.focalPressure).toBeGreaterThan(0);
    expect(auto.predictedPeakTemperature).toBeGreaterThan(37);
    console.info(
      `iliac estimate: all ${(all.focalPressure / 1e6).toFixed(3)} MPa ${all.predictedPeakTemperature.toFixed(1)} °C; auto ${(auto.focalPressure / 1e6).toFixed(3)} MPa ${auto.predictedPeakTemperature.toFixed(1)} °C`,
    );
  });
  it('steering far sideways is beyond the steering range', () => {
    const side = femurPose.direction[0] === 0 ? [1, 0, 0] : [0, 0, 1];
    const far = femurPose.target.map((x, a) => x + 0.03 * (side[a] as number)) as Vec3;
    const near = femurPose.target.map((x, a) => x + 0.003 * (side[a] as number)) as Vec3;
    const base = { transducer, pose: femurPose, acousticPower: 50, duration: 20 };
    const e30 = estimate(femur.state, { ...base, focus: far });
    const e3 = estimate(femur.state, { ...base, focus: near });
    console.info(`steering loss at 3 mm ${e3.steeringLoss.toFixed(3)}, at 30 mm ${e30.steeringLoss.toFixed(3)}`);
    expect(e3.beyondSteeringRange).toBe(false);
    expect(e30.beyondSteeringRange).toBe(true);
  });
});

describe('spot grid on the femur lesion (24 × 20 × 28 mm ellipsoid)', () => {
  const volume = (4 / 3) * Math.PI * 0.012 * 0.01 * 0.014;
  const minDistance = (spots: Vec3[]) => {
    let m = Number.POSITIVE_INFINITY;
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++)
        m = Math.min(m, Math.hypot(...(spots[i] as Vec3).map((x, a) => x - ((spots[j] as Vec3)[a] as number))));
    return m;
  };
  it('default: at most 30 spots, every one inside the lesion, spaced at least the −6 dB width (1.41 λR/D)', () => {
    const spots = spotGrid(femur.state, { transducer, direction: femurPose.direction as Vec3 });
    const width = (1.41 * (1482.3 / transducer.frequency) * transducer.radiusOfCurvature) / transducer.aperture;
    console.info(`femur spot grid: ${spots.length} spots, min spacing ${(minDistance(spots) * 1e3).toFixed(2)} mm`);
    expect(spots.length).toBeLessThanOrEqual(30);
    expect(spots.length).toBeGreaterThanOrEqual(20);
    for (const s of spots) expect(femur.state.model.tissueAt(s)).toBe('lesion');
    expect(minDistance(spots)).toBeGreaterThanOrEqual(width * 0.99);
  });
  it('an explicit 3 mm spacing, uncapped: spacing respected, count ≈ lesion volume / s³ (±15 %)', () => {
    const s = 0.003;
    const spots = spotGrid(femur.state, { transducer, spacing: s, maxSpots: 10_000 });
    console.info(`3 mm lattice: ${spots.length} spots, volume / s³ = ${(volume / s ** 3).toFixed(0)}`);
    expect(minDistance(spots)).toBeGreaterThanOrEqual(s * (1 - 1e-9));
    expect(Math.abs(spots.length / (volume / s ** 3) - 1)).toBeLessThan(0.15);
    for (const p of spots) expect(femur.state.model.tissueAt(p)).toBe('lesion');
    // Serpentine: consecutive spots are lattice neighbours most of the time.
    let steps = 0;
    for (let i = 1; i < spots.length; i++) {
      const d = Math.hypot(...(spots[i] as Vec3).map((x, a) => x - ((spots[i - 1] as Vec3)[a] as number)));
      if (d < s * 1.01) steps++;
    }
    expect(steps / (spots.length - 1)).toBeGreaterThan(0.6);
  });
  it('no lesion part of that name: no spots', () => {
    expect(spotGrid(femur.state, { transducer, lesionPart: 'lesion-none' })).toEqual([]);
  });
  it('the layout says how many spots the lesion takes at the focal width (≈ volume / width³) before the cap', () => {
    const layout = spotLayout(femur.state, { transducer, direction: femurPose.direction as Vec3 });
    const width = (1.41 * (1482.3 / transducer.frequency) * transducer.radiusOfCurvature) / transducer.aperture;
    expect(Math.abs(layout.focalWidth / width - 1)).toBeLessThan(0.01);
    expect(layout.centres).toEqual(spotGrid(femur.state, { transducer, direction: femurPose.direction as Vec3 }));
    expect(layout.maxSpots).toBe(30);
    expect(layout.spacing).toBeGreaterThan(2 * width);
    expect(Math.abs(layout.fullCount / (volume / layout.focalWidth ** 3) - 1)).toBeLessThan(0.15);
    const uncapped = spotLayout(femur.state, { transducer, spacing: 0.003, maxSpots: 10_000 });
    expect([uncapped.spacing, uncapped.fullCount]).toEqual([0.003, uncapped.centres.length]);
  });
});

describe('plan op on the femur', () => {
  const side = femurPose.direction[0] === 0 ? [1, 0, 0] : [0, 0, 1];
  const at = (offset: number) => femurPose.target.map((x, a) => x + offset * (side[a] as number)) as Vec3;
  const spots: PlanSpotRequest[] = [-0.004, 0, 0.004].map((o, i) => ({
    id: `s${i}`,
    focus: at(o),
    acousticPower: 40,
    duration: 10,
    cooling: 10,
  }));
  const include = spots.map((s) => s.focus);
  const base = { transducer, pose: femurPose, spacing: 0.001, include };
  const plan = runPlan(femur.state, { ...base, spots }, () => {});
  const singles = spots.map((s) => runPlan(femur.state, { ...base, spots: [s] }, () => {}));
  const voxel = (o: PlanOutcome, p: Vec3) => {
    const g = o.grid;
    const [i, j, k] = p.map((x, a) => Math.round((x - (g.origin[a] as number)) / g.spacing));
    return (i as number) + g.nx * ((j as number) + g.ny * (k as number));
  };

  it('runs every spot in order, with its start time and a status', () => {
    expect(plan.spots.map((s) => s.id)).toEqual(['s0', 's1', 's2']);
    expect(plan.spots.map((s) => s.startTime)).toEqual([0, 20, 40]);
    for (const s of plan.spots) expect(s.status).not.toBe('blocked');
    expect(plan.time.at(-1)).toBeCloseTo(60, 9);
    console.info(
      `plan: ${plan.spots.map((s) => `${s.id} ${s.status} ${s.summary.peakTemperature.toFixed(1)} °C ${s.reasons.join(' ')}`).join('; ')}; grid ${plan.grid.nx}×${plan.grid.ny}×${plan.grid.nz}; ${plan.elapsedMs.toFixed(0)} ms`,
    );
  });

  it('reports the hottest point of the beam path outside its region, which the region’s peak leaves out', () => {
    const peak = plan.pathPeakTemperature;
    if (!peak) throw new Error('a whole-path plan reports its path peak');
    const g = plan.grid;
    const n = [g.nx, g.ny, g.nz];
    const inRegion = peak.location.every((x, a) => {
      const i = (x - (g.origin[a] as number)) / g.spacing;
      return i > -0.5 && i < (n[a] as number) - 0.5;
    });
    expect(inRegion).toBe(false);
    expect(peak.temperature).toBeGreaterThan(37);
    expect(femur.state.model.tissueAt(peak.location)).toBe(peak.tissue);
  });

  it('the plan and the single spots share one grid (include), so voxels compare one to one', () => {
    for (const s of singles) expect(s.grid).toEqual(plan.grid);
    expect(planGrid(include, 0.001)).toEqual(plan.grid);
  });

  it('accumulated max dose ≥ every single spot’s; the dose at each spot’s voxel ≥ that spot alone', () => {
    const maxOf = (a: Float32Array) => a.reduce((m, x) => Math.max(m, x), 0);
    const planMax = maxOf(plan.dose);
    singles.forEach((single, i) => {
      expect(planMax).toBeGreaterThanOrEqual(maxOf(single.dose));
      const v = voxel(plan, spots[i]?.focus as Vec3);
      expect(plan.dose[v] as number).toBeGreaterThanOrEqual((single.dose[v] as number) * (1 - 1e-6));
      console.info(
        `spot ${i}: dose at its voxel, plan ${(plan.dose[v] as number).toExponential(3)} vs alone ${(single.dose[v] as number).toExponential(3)} CEM43; max ${planMax.toExponential(3)} vs ${maxOf(single.dose).toExponential(3)}`,
      );
    });
  });

  it('a spot with fewer than half the elements on is blocked, with a reason, and not delivered', () => {
    const elementsOn = Uint8Array.from({ length: N }, (_, e) => (e < N / 3 ? 1 : 0));
    const blocked = runPlan(femur.state, { ...base, elementsOn, spots: [spots[1] as PlanSpotRequest] }, () => {});
    expect(blocked.spots[0]?.status).toBe('blocked');
    expect(blocked.spots[0]?.reasons.join(' ')).toMatch(/at least half/);
    expect(blocked.dose.reduce((m, x) => Math.max(m, x), 0)).toBe(0);
  });
});

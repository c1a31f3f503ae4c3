/**
 * `npx tsx tests/modes/lecture-plan-titrate.ts [passes]`: how the lecture plan's SPOT_POWERS were found
 * (tests/modes/lecture-plan-compute.ts). Starting from the current powers, each pass runs the whole plan on the engine
 * (runPlan, as the generator does) and scales every spot's power by (PEAK_AIM − 37)/(its peak − 37), capped at
 * POWER_CAP; it prints the powers, peaks, lesion coverage, skin and nerve after each pass and the line to paste.
 * The acoustics are computed once, at 1 W, and scaled to each spot's power: the field is linear in the drive's
 * amplitude, so heat goes as the power (a pass then costs only the heat, ≈ 40 s on the 2-core machine).
 * Not part of the suite; run it after a change of the model, then `npm run lecture-heat`.
 */

import type { PlanRequest } from '../../src/engine/requests.ts';
import { planAcoustics, preparePlan, runPlan } from '../../src/engine/run-plan.ts';
import type { SpotAcoustics } from '../../src/physics/whole-path/spot-acoustics.ts';
import { lecturePlanSetup, PEAK_AIM, POWER_CAP } from './lecture-plan-compute.ts';

const BODY = 37;

/** One spot's acoustics at `f` times the power they were computed at. */
function scaled(a: SpotAcoustics, f: number): SpotAcoustics {
  const r = Math.sqrt(f);
  return {
    ...a,
    fine: {
      ...a.fine,
      pressure: a.fine.pressure.map((p) => p * r),
      heatSource: a.fine.heatSource.map((q) => q * f),
      peakPressure: a.fine.peakPressure * r,
      focalIntensity: a.fine.focalIntensity * f,
      powerBeyondCriticalAngle: a.fine.powerBeyondCriticalAngle * f,
    },
    coarseHeat: a.coarseHeat.map((q) => q * f),
    pathPeakPressure: a.pathPeakPressure * r,
    pathPeakIntensity: a.pathPeakIntensity * f,
    focusPressure: a.focusPressure * r,
    inputPower: a.inputPower * f,
    absorbedPower: a.absorbedPower * f,
    shearPower: a.shearPower * f,
    focalRegionHeat: { lattice: a.focalRegionHeat.lattice * f, fine: a.focalRegionHeat.fine * f },
  };
}

const passes = Number(process.argv[2] ?? 2);
const { state, request } = await lecturePlanSetup();
const { results: _frames, ...plain } = request;
const unit: PlanRequest = { ...plain, spots: request.spots.map((s) => ({ ...s, acousticPower: 1 })) };
const perWatt = planAcoustics(
  state,
  unit,
  unit.spots.map((s) => s.id),
  () => {},
);
let power = request.spots.map((s) => s.acousticPower);
for (let pass = 1; pass <= passes; pass++) {
  const spots = request.spots.map((s, k) => ({ ...s, acousticPower: power[k] as number }));
  const run: PlanRequest = { ...plain, spots };
  const precomputed = Object.fromEntries(
    spots.map((s) => [s.id, scaled(perWatt[s.id] as SpotAcoustics, s.acousticPower)]),
  );
  const outcome = runPlan(state, run, () => {}, { prepared: preparePlan(state, run), precomputed });
  const peaks = outcome.spots.map((s) => s.summary.peakTemperature);
  const flagged = outcome.spots.filter((s) => s.status !== 'valid').map((s) => s.id);
  const skin = outcome.doses.tissueDose.find((d) => d.tissue === 'skin');
  const nerve = (outcome.doses.criticalOutside ?? []).map((o) => `${o.tissue} edge ${o.maxTemperature.toFixed(1)} °C`);
  console.log(
    `pass ${pass}: powers ${power.map((p) => p.toFixed(1)).join(' ')} W\n  peaks ${peaks.map((p) => p.toFixed(1)).join(' ')} °C` +
      `\n  coverage ${(100 * outcome.doses.lesionCoverage).toFixed(1)} %, skin ${skin?.maxTemperature.toFixed(1)} °C, ` +
      `bone surface outside the target ${outcome.doses.boneSurfaceOutsideTarget.maxTemperature.toFixed(1)} °C, ` +
      `${nerve.join(', ')}; not valid: ${flagged.join(', ') || 'none'}`,
  );
  power = power.map((p, k) =>
    Math.min(POWER_CAP, Number(((p * (PEAK_AIM - BODY)) / ((peaks[k] as number) - BODY)).toFixed(1))),
  );
}
console.log(`next SPOT_POWERS = [${power.join(', ')}]`);

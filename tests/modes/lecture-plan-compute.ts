/**
 * The lecture's precomputed plan (issue 13, lecture mode, "spot by spot the lesion is covered"): the bundled femur
 * plan's pose and transducer, spots laid over the lesion by the planner's Cover the lesion (spotGrid, capped at
 * PLAN_SPOTS), each at its own power (SPOT_POWERS) and run by the engine's runPlan as the app's Run plan runs them,
 * recorded at the end of every spot's cooling. `npm run lecture-heat` writes it to public/lecture/femur-plan.json and
 * refuses to when any spot is not valid (boiling or any other flag the app would show);
 * tests/modes/lecture-plan.test.ts recomputes the spots and the first spot and checks the file against them.
 */
import { fileURLToPath } from 'node:url';
import { installNodeKernels } from '../../src/cli/kernels.ts';
import { buildCase } from '../../src/cli/medium.ts';
import { planRequestOf } from '../../src/cli/run-plan.ts';
import { readScenario } from '../../src/cli/scenario.ts';
import type { CaseState } from '../../src/engine/case.ts';
import type { PlanRequest } from '../../src/engine/requests.ts';
import { runPlan } from '../../src/engine/run-plan.ts';
import { spotGrid } from '../../src/engine/spot-grid.ts';
import { LECTURE_PLAN_FORMAT, type LecturePlan } from '../../src/modes/lecture/plan-format.ts';
import { ABLATION_DOSE } from '../../src/style/result-scales.ts';

type Vec3 = [number, number, number];

export const PLAN = 'public/plans/femur-shaft.json';
/** Cover the lesion’s own cap: the whole plan the planner would lay. */
export const PLAN_SPOTS = 30;
/** Every spot's sonication and the pause after it [s], [s]. */
export const SPOT = { duration: 30, cooling: 60 } as const;
/**
 * Each spot's acoustic power [W], in delivery order, set spot by spot as a careful planner does: one power cannot
 * serve these spots, whose peaks at a uniform 30 W (20 s, 20 s cooling) ran from 68 °C (beam into the lesion's middle)
 * to 181 °C (beam onto bone at its rim), most of them boiling. Found on the engine by tests/modes/lecture-plan-titrate.ts
 * (each spot's power scaled by (PEAK_AIM − 37)/(its peak − 37), capped at POWER_CAP): every spot valid, peaks
 * 70–87 °C, skin ≤ 44.6 °C (the dashboard's limit is 45 °C), 19 % of the lesion ablated. Without the cap the
 * middle spots take 40–48 W and reach 39 % (57 % with 20 s cooling), but the skin passes its limit (47–49 °C).
 */
export const SPOT_POWERS: readonly number[] = [
  11.8, 29.1, 14.6, 9.4, 25.4, 8.4, 11.1, 27.1, 14.2, 22.4, 10.2, 32, 11.7, 14.4, 32, 11.2, 9.7, 32, 11.6, 19, 15.4, 32,
  17, 16.9, 32, 13.7, 14.6, 32, 16.3,
];
/** The peak the titration aims each spot at [°C]: inside the clinical 55–90 °C, clear of boiling (100 °C). */
export const PEAK_AIM = 87;
/** The most any spot gets [W]: above it the spots that heat the lesion's middle warm the skin past 45 °C. */
export const POWER_CAP = 32;

/** The femur case, the lecture plan's request and its spots. */
export async function lecturePlanSetup(): Promise<{ state: CaseState; request: PlanRequest }> {
  installNodeKernels();
  const scenario = readScenario(fileURLToPath(new URL(`../../${PLAN}`, import.meta.url)));
  const built = await buildCase(scenario);
  const d = built.beamDirection;
  const foci = spotGrid(built.state, {
    transducer: scenario.transducer,
    maxSpots: PLAN_SPOTS,
    direction: [-d[0], -d[1], -d[2]],
  });
  const request: PlanRequest = {
    ...planRequestOf(scenario, built.target, built.beamDirection),
    spots: foci.map((focus, i) => {
      const acousticPower = SPOT_POWERS[i];
      if (acousticPower === undefined) throw new Error(`no power for spot ${i + 1}: remake SPOT_POWERS`);
      return { id: `spot-${i + 1}`, focus, acousticPower, ...SPOT };
    }),
    // A frame at the end of every spot's cooling: what the picture shows spot by spot.
    results: { frameInterval: SPOT.duration + SPOT.cooling },
  };
  return { state: built.state, request };
}

/** Which voxels of a dose field are ablated (≥ 240 CEM43). */
export const ablated = (dose: ArrayLike<number>, v: number) => (dose[v] as number) >= ABLATION_DOSE;

/** Runs the lecture's plan and returns the asset. */
export async function computeLecturePlan(): Promise<LecturePlan> {
  const { state, request } = await lecturePlanSetup();
  const outcome = runPlan(state, request, () => {});
  // A lecture shows a plan a careful planner would accept: no spot flagged, none boiling.
  const flagged = outcome.spots.filter((s) => s.status !== 'valid' || (s.summary.validity?.messages.length ?? 0) > 0);
  if (flagged.length > 0 || (outcome.validity?.messages.length ?? 0) > 0) {
    throw new Error(
      `the lecture plan is not valid: ${[...flagged.flatMap((s) => s.reasons), ...(outcome.validity?.messages ?? [])].join(' ')}`,
    );
  }
  const { grid, frames } = outcome;
  if (!frames) throw new Error('the engine recorded no frames');
  const voxels = grid.nx * grid.ny * grid.nz;
  const ends = request.spots.map((_, k) => (k + 1) * (SPOT.duration + SPOT.cooling));
  const frameOf = ends.map((t) => {
    const f = Array.from(frames.time).findIndex((ft) => Math.abs(ft - t) < 1e-6);
    if (f < 0) throw new Error(`no frame at the end of a spot (${t} s)`);
    return f;
  });
  // The lesion's voxels in the plan's region, for the coverage after each spot.
  const lesion: number[] = [];
  for (let v = 0; v < voxels; v++) {
    const i = v % grid.nx;
    const j = Math.floor(v / grid.nx) % grid.ny;
    const k = Math.floor(v / (grid.nx * grid.ny));
    const p: Vec3 = [0, 1, 2].map((a) => (grid.origin[a] as number) + ([i, j, k][a] as number) * grid.spacing) as Vec3;
    if (state.model.tissueAt(p) === 'lesion') lesion.push(v);
  }
  const by = new Uint8Array(voxels);
  const coverage = frameOf.map((f, s) => {
    const dose = frames.dose.subarray(f * voxels, (f + 1) * voxels);
    for (let v = 0; v < voxels; v++) if (by[v] === 0 && ablated(dose, v)) by[v] = s + 1;
    return lesion.filter((v) => ablated(dose, v)).length / Math.max(1, lesion.length);
  });

  let lo: Vec3 = [grid.nx, grid.ny, grid.nz];
  let hi: Vec3 = [-1, -1, -1];
  for (let v = 0; v < voxels; v++) {
    if (by[v] === 0) continue;
    const c: Vec3 = [v % grid.nx, Math.floor(v / grid.nx) % grid.ny, Math.floor(v / (grid.nx * grid.ny))];
    lo = lo.map((x, a) => Math.min(x, c[a] as number)) as Vec3;
    hi = hi.map((x, a) => Math.max(x, c[a] as number)) as Vec3;
  }
  // One empty voxel around the zone so its surface closes.
  lo = lo.map((x) => x - 1) as Vec3;
  hi = hi.map((x) => x + 1) as Vec3;
  const [cx, cy, cz] = [0, 1, 2].map((a) => (hi[a] as number) - (lo[a] as number) + 1) as Vec3;
  const kept: number[] = [];
  const keptBy: number[] = [];
  for (let k = 0; k < cz; k++)
    for (let j = 0; j < cy; j++)
      for (let i = 0; i < cx; i++) {
        const [si, sj, sk] = [i + lo[0], j + lo[1], k + lo[2]];
        if (si < 0 || sj < 0 || sk < 0 || si >= grid.nx || sj >= grid.ny || sk >= grid.nz) continue;
        const b = by[si + grid.nx * (sj + grid.ny * sk)] as number;
        if (b === 0) continue;
        kept.push(i + cx * (j + cy * k));
        keptBy.push(b);
      }

  const round = (v: number) => Number(v.toPrecision(6));
  return {
    format: LECTURE_PLAN_FORMAT,
    about:
      `${request.spots.length} spots laid over the femur's lesion by Cover the lesion, each at its own power ` +
      `(${Math.min(...SPOT_POWERS)}–${Math.max(...SPOT_POWERS)} W) for ${SPOT.duration} s with ${SPOT.cooling} s cooling, ` +
      `run by the app’s engine, every spot valid; regenerate with npm run lecture-heat.`,
    plan: PLAN,
    ...SPOT,
    spots: request.spots.map((spot, s) => ({
      focus: spot.focus.map(round) as Vec3,
      acousticPower: spot.acousticPower,
      peakTemperature: round(outcome.spots[s]?.summary.peakTemperature ?? 37),
      coverage: round(coverage[s] as number),
    })),
    lesionCoverage: round(outcome.doses.lesionCoverage),
    grid: {
      nx: cx,
      ny: cy,
      nz: cz,
      spacing: grid.spacing,
      origin: [0, 1, 2].map((a) => round((grid.origin[a] as number) + (lo[a] as number) * grid.spacing)) as Vec3,
    },
    voxels: Buffer.from(new Uint8Array(Uint32Array.from(kept).buffer)).toString('base64'),
    ablatedBy: Buffer.from(Uint8Array.from(keptBy)).toString('base64'),
  };
}

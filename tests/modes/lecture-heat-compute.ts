/**
 * The lecture's precomputed heat (issue 13, lecture mode): the app's default sonication of the bundled femur
 * (public/scenarios/femur-shaft.json, the scenario tests/golden/femur-shaft.json pins) run through the same engine
 * as the app's worker and `npm run simulate`, recorded every 2 s, then cropped to where the tissue warmed and
 * quantised so the lecture loads it at once and plays it identically every time. `npm run lecture-heat` writes it to
 * public/lecture/femur-heat.json; tests/modes/lecture-heat.test.ts recomputes it and checks the file is in step.
 */
import { fileURLToPath } from 'node:url';
import { installNodeKernels } from '../../src/cli/kernels.ts';
import { buildCase } from '../../src/cli/medium.ts';
import { couplingTissueOf, driveToPower, readScenario, scenarioOverrides } from '../../src/cli/scenario.ts';
import { mediumOf } from '../../src/engine/medium.ts';
import type { SonicateRequest } from '../../src/engine/requests.ts';
import { runSonication } from '../../src/engine/sonicate.ts';
import { lazySourceLayout } from '../../src/engine/source-layout.ts';
import {
  DOSE_LOG_MAX,
  DOSE_LOG_MIN,
  DOSE_LOG_STEP,
  LECTURE_HEAT_FORMAT,
  type LectureHeat,
  TEMPERATURE_BASE,
  TEMPERATURE_STEP,
} from '../../src/modes/lecture/heat-format.ts';

type Vec3 = [number, number, number];

export const SCENARIO = 'public/scenarios/femur-shaft.json';
/** The bundled femur plan whose spot foci the lecture's spots step shows. */
export const PLAN = 'public/plans/femur-shaft.json';
/** Voxels kept: those whose temperature ever reaches this [°C]… */
export const KEEP_TEMPERATURE = 43;
/** …and, for the dose, those whose thermal dose reaches this [CEM43 min]. */
export const KEEP_DOSE = 1;
/** Seconds between stored frames (the app's own playback default). */
const FRAME_INTERVAL = 2;
/** Seconds between samples of the hottest point's curve. */
const CURVE_INTERVAL = 0.5;

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

const quantiseT = (t: number) => Math.max(0, Math.min(255, Math.round((t - TEMPERATURE_BASE) / TEMPERATURE_STEP)));
const quantiseDose = (d: number) => {
  if (!(d > 0)) return 0;
  const l = Math.max(DOSE_LOG_MIN, Math.min(DOSE_LOG_MAX, Math.log10(d)));
  return Math.max(0, Math.min(255, Math.round((l - DOSE_LOG_MIN) / DOSE_LOG_STEP)));
};

/** Runs the femur default with frames and returns the lecture's asset. */
export async function computeLectureHeat(): Promise<LectureHeat> {
  installNodeKernels();
  const root = new URL('../../', import.meta.url);
  const scenario = readScenario(fileURLToPath(new URL(SCENARIO, root)));
  const built = await buildCase(scenario);
  const plan = readScenario(fileURLToPath(new URL(PLAN, root)));
  const planSpots = (plan.input.planning?.spots ?? []).map((spot) => [...spot.focus] as Vec3);
  const spec = scenario.transducer;
  const layout = lazySourceLayout(spec);
  const overrides = scenarioOverrides(scenario.input);
  const medium = mediumOf({ tissueOverrides: overrides });
  const coupling = medium[couplingTissueOf(scenario.input)];
  const drive = driveToPower(scenario.drive, spec, layout, coupling.density * coupling.speedOfSound);
  const d = built.beamDirection;
  const request: SonicateRequest = {
    transducer: spec,
    pose: { target: built.target, direction: [-d[0], -d[1], -d[2]], distance: spec.radiusOfCurvature },
    acousticPower: drive.acousticPower,
    duration: scenario.input.sonication.duration,
    cooling: scenario.input.sonication.cooling,
    region: scenario.input.grid,
    aberrationCorrection: scenario.input.aberrationCorrection,
    fieldModel: scenario.input.fieldModel,
    ...(Object.keys(overrides).length > 0 ? { tissueOverrides: overrides } : {}),
    results: { frameInterval: FRAME_INTERVAL },
  };
  const run = runSonication(built.state, request, () => {}, layout);
  const { result, grid } = run;
  const frames = result.frames;
  if (!frames) throw new Error('the engine recorded no frames');
  const { nx, ny, nz } = grid;
  const voxels = nx * ny * nz;
  const frameCount = frames.time.length;

  // The kept voxels: those that ever reach KEEP_TEMPERATURE (their bounding box is the stored grid; the rest of the
  // box is at body temperature as far as the lecture draws it); the dose only where it ever reaches KEEP_DOSE.
  const maxT = new Float32Array(voxels);
  const finalDose = frames.dose.subarray((frameCount - 1) * voxels, frameCount * voxels);
  for (let f = 0; f < frameCount; f++)
    for (let v = 0; v < voxels; v++) {
      const t = frames.temperature[f * voxels + v] as number;
      if (t > (maxT[v] as number)) maxT[v] = t;
    }
  let lo: Vec3 = [nx, ny, nz];
  let hi: Vec3 = [-1, -1, -1];
  for (let v = 0; v < voxels; v++) {
    if ((maxT[v] as number) < KEEP_TEMPERATURE) continue;
    const i = v % nx;
    const j = Math.floor(v / nx) % ny;
    const k = Math.floor(v / (nx * ny));
    lo = [Math.min(lo[0], i), Math.min(lo[1], j), Math.min(lo[2], k)];
    hi = [Math.max(hi[0], i), Math.max(hi[1], j), Math.max(hi[2], k)];
  }
  const cx = hi[0] - lo[0] + 1;
  const cy = hi[1] - lo[1] + 1;
  const cz = hi[2] - lo[2] + 1;
  if (cx * cy * cz > 65536) throw new Error(`the kept box (${cx}×${cy}×${cz}) is too large for uint16 indices`);
  const hot: number[] = [];
  const dosed: number[] = [];
  const hotSource: number[] = [];
  const dosedSource: number[] = [];
  for (let k = 0; k < cz; k++)
    for (let j = 0; j < cy; j++)
      for (let i = 0; i < cx; i++) {
        const src = i + lo[0] + nx * (j + lo[1] + ny * (k + lo[2]));
        const dst = i + cx * (j + cy * k);
        if ((maxT[src] as number) >= KEEP_TEMPERATURE) {
          hot.push(dst);
          hotSource.push(src);
        }
        if ((finalDose[src] as number) >= KEEP_DOSE) {
          dosed.push(dst);
          dosedSource.push(src);
        }
      }

  const temperature: string[] = [];
  const dose: string[] = [];
  for (let f = 0; f < frameCount; f++) {
    temperature.push(
      toBase64(Uint8Array.from(hotSource, (src) => quantiseT(frames.temperature[f * voxels + src] as number))),
    );
    dose.push(toBase64(Uint8Array.from(dosedSource, (src) => quantiseDose(frames.dose[f * voxels + src] as number))));
  }

  // The hottest point's curve, every CURVE_INTERVAL (the engine's own samples, not interpolated).
  const curveTime: number[] = [];
  const curveTemperature: number[] = [];
  let next = 0;
  for (let s = 0; s < result.time.length; s++) {
    const time = result.time[s] as number;
    if (time + 1e-9 < next && s !== result.time.length - 1) continue;
    curveTime.push(Number(time.toFixed(3)));
    curveTemperature.push(Number((result.hottestTemperature[s] as number).toFixed(2)));
    next = time + CURVE_INTERVAL;
  }

  const round = (v: number) => Number(v.toPrecision(6));
  return {
    format: LECTURE_HEAT_FORMAT,
    about:
      'The femur default sonication (clinical body array, 50 W for 20 s, then 30 s cooling), computed by the app’s ' +
      'engine; regenerate with npm run lecture-heat.',
    scenario: SCENARIO,
    target: built.target.map(round) as Vec3,
    beamDirection: d.map(round) as Vec3,
    acousticPower: drive.acousticPower,
    duration: request.duration,
    cooling: request.cooling,
    peakTemperature: result.peakTemperature,
    peakTemperatureLocation: result.peakTemperatureLocation.map(round) as Vec3,
    peakDose: result.peakDose,
    ablatedVolume: result.ablationVolume,
    plan: { file: PLAN, spots: planSpots },
    curve: { time: curveTime, temperature: curveTemperature },
    grid: {
      nx: cx,
      ny: cy,
      nz: cz,
      spacing: grid.spacing,
      origin: [0, 1, 2].map((a) => round((grid.origin[a] as number) + (lo[a] as number) * grid.spacing)) as Vec3,
    },
    voxels: {
      temperature: toBase64(new Uint8Array(Uint16Array.from(hot).buffer)),
      dose: toBase64(new Uint8Array(Uint16Array.from(dosed).buffer)),
    },
    frames: { time: Array.from(frames.time, (t) => Number(t.toFixed(3))), temperature, dose },
  };
}

/**
 * The lecture's precomputed heat, public/lecture/femur-heat.json: the app's default sonication of the bundled femur,
 * computed by the engine at build time (`npm run lecture-heat`, tests/modes/lecture-heat-compute.ts) so the lecture
 * never waits on the core and plays the same frames every time. Only the voxels that warmed (and, for the dose, those
 * that took a dose) are kept, listed by their index in the stored box (little-endian uint16, base64); each frame
 * holds one byte per kept voxel (base64): temperature in TEMPERATURE_STEP steps from TEMPERATURE_BASE, thermal dose
 * as log10(CEM43 min) in DOSE_LOG_STEP steps from DOSE_LOG_MIN (0 = none). Elsewhere in the box the lecture takes
 * body temperature and no dose.
 */
export const LECTURE_HEAT_FORMAT = 'fus-planner-lecture-heat/1';
export const TEMPERATURE_BASE = 37;
/** [°C] per step: 255 steps reach 100.75 °C */
export const TEMPERATURE_STEP = 0.25;
export const DOSE_LOG_MIN = -2;
export const DOSE_LOG_MAX = 10.75;
export const DOSE_LOG_STEP = 0.05;

type Vec3 = [number, number, number];

export interface LectureHeat {
  format: string;
  about: string;
  /** the scenario file it ran */
  scenario: string;
  target: Vec3;
  /** transducer → target */
  beamDirection: Vec3;
  /** [W] */
  acousticPower: number;
  /** [s] */
  duration: number;
  /** [s] */
  cooling: number;
  /** the engine's own peaks, unquantised: [°C], [CEM43 min], [m³] */
  peakTemperature: number;
  peakTemperatureLocation: Vec3;
  peakDose: number;
  ablatedVolume: number;
  /** the bundled plan's spot foci [m]: where the spots step places the zone (an illustration of coverage) */
  plan: { file: string; spots: Vec3[] };
  /** the hottest point's temperature against time: [s], [°C] */
  curve: { time: number[]; temperature: number[] };
  /** the cropped region: voxel centres at origin + index × spacing [m], x fastest */
  grid: { nx: number; ny: number; nz: number; spacing: number; origin: Vec3 };
  /** the kept voxels' indices in the box (x fastest), for the temperature and for the dose */
  voxels: { temperature: string; dose: string };
  frames: { time: number[]; temperature: string[]; dose: string[] };
}

/** One frame's fields decoded: temperature [°C] and log10 of thermal dose (−Infinity where none). */
export interface HeatFrame {
  time: number;
  temperature: Float32Array;
  logDose: Float32Array;
}

/** The bytes of a base64 text (the lecture files' packed voxel lists). */
export function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Indices [into the box] of the kept voxels. */
function indicesOf(base64: string): Uint16Array {
  const bytes = bytesOf(base64);
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 1);
}

/** Decodes every frame of the asset into the whole box: body temperature and no dose where nothing was kept. */
export function decodeFrames(heat: LectureHeat): HeatFrame[] {
  const { nx, ny, nz } = heat.grid;
  const hot = indicesOf(heat.voxels.temperature);
  const dosed = indicesOf(heat.voxels.dose);
  return heat.frames.time.map((time, f) => {
    const t = bytesOf(heat.frames.temperature[f] ?? '');
    const q = bytesOf(heat.frames.dose[f] ?? '');
    const temperature = new Float32Array(nx * ny * nz).fill(TEMPERATURE_BASE);
    const logDose = new Float32Array(nx * ny * nz).fill(Number.NEGATIVE_INFINITY);
    hot.forEach((v, i) => {
      temperature[v] = TEMPERATURE_BASE + (t[i] ?? 0) * TEMPERATURE_STEP;
    });
    dosed.forEach((v, i) => {
      const b = q[i] ?? 0;
      logDose[v] = b === 0 ? Number.NEGATIVE_INFINITY : DOSE_LOG_MIN + b * DOSE_LOG_STEP;
    });
    return { time, temperature, logDose };
  });
}

/** A loose check that a fetched document is the asset this code reads. */
export function isLectureHeat(value: unknown): value is LectureHeat {
  const v = value as Partial<LectureHeat> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.format === LECTURE_HEAT_FORMAT &&
    Array.isArray(v.frames?.time) &&
    Array.isArray(v.plan?.spots) &&
    Array.isArray(v.frames?.temperature) &&
    typeof v.grid?.nx === 'number'
  );
}

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AtTarget } from '../engine/at-target.ts';
import type { OutsideStructure } from '../engine/critical-outside.ts';
import { mediumOf } from '../engine/medium.ts';
import type { BeyondFocus } from '../engine/outcomes.ts';
import type { SonicateRequest } from '../engine/requests.ts';
import { runSonication, type SonicationRun } from '../engine/sonicate.ts';
import { lazySourceLayout } from '../engine/source-layout.ts';
import type { Validity } from '../engine/validity.ts';
import { classifyBeam } from '../geometry/beam-status.ts';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import type { SonicationResult } from '../physics/sonication.ts';
import { installNodeKernels } from './kernels.ts';
import { buildCase } from './medium.ts';
import { type AxialProfile, axialProfile } from './profile.ts';
import { couplingTissueOf, driveToPower, type Scenario, type ScenarioInput, scenarioOverrides } from './scenario.ts';

/** How a power, a surface pressure and a normal velocity relate (one line, echoed in every results file). */
export const POWER_CONVENTION =
  'W = ½·ρc·u²·A: a uniform normal velocity u over the radiating area A (Σ of the element or patch areas), ' +
  'plane-wave radiation into the coupling medium; surface pressure p = ρc·u';

type Vec3 = [number, number, number];

/** Thermal-dose threshold of the ablated volume [CEM43 min] (the core's volumeAboveDose). */
export const ABLATION_THRESHOLD = 240;
export const RESULTS_FORMAT = 'fus-planner-results/1';

/** The results file of `npm run simulate`, field by field in src/cli/README.md. SI units throughout. */
export interface Results {
  format: string;
  scenario: ScenarioInput;
  core: { name: string; version: string; commit: string | null; node: string; model: string };
  setup: {
    transducer: {
      radiusOfCurvature: number;
      aperture: number;
      centralHoleDiameter: number;
      elementCount: number;
      elementDiameter: number;
      frequency: number;
    };
    sources: { kind: 'array-elements' | 'bowl-patches'; count: number; radiatingArea: number; pistonRadius: number };
    drive: {
      acousticPower: number;
      normalVelocity: number;
      surfacePressure: number;
      /** the medium the source radiates into and its ρc [Rayl] */
      couplingTissue: string;
      couplingImpedance: number;
      powerConvention: string;
    };
    target: Vec3;
    beamDirection: Vec3;
    transducerApex: Vec3;
    grid: { nx: number; ny: number; nz: number; spacing: number; origin: Vec3 };
    tissueAtTarget: string;
    beams: { clear: number; bone: number; gas: number; critical: number };
    /**
     * The first gas or critical structure the firing beams go on into past the focus, within `depth` [m]: the
     * tissue, its nearest distance from the focus [m] and how many beams meet it; absent when none does
     */
    beyondFocus?: Omit<BeyondFocus, 'ends'>;
  };
  acoustic: {
    axialProfile: AxialProfile;
    /**
     * Whole-path model only: |p| across the beam through the focal spot's peak (profiles.ts focalSpotVoxel;
     * `peakPressure` is the path's own peak), along the lattice's x and y axes (offsets from the beam axis [m]), and
     * the −6 dB (half-pressure) full widths [m] of the focal spot.
     */
    lateralProfiles?: { x: LateralProfile; y: LateralProfile };
    focalSize6dB?: { axial: number; lateralX: number; lateralY: number };
    /** |p| at the target [Pa] (whole-path model) */
    targetPressure?: number;
    peakPressure: number;
    peakPressureLocation: Vec3;
    peakIntensity: number;
  };
  thermal: {
    time: number[];
    hottestTemperature: number[];
    peakTemperature: number;
    peakTemperatureLocation: Vec3;
    peakTemperatureTissue: string;
    peakDose: number;
    ablationThreshold: number;
    ablatedVolume: number;
    timeStep: number;
    energy: number;
    /** highest temperature [°C] and end dose [CEM43 min] at the target, and its distances to the peaks [m] */
    atTarget: AtTarget;
  };
  /** where the model stops holding for this run: flags and plain-language messages (also printed to stderr) */
  validity: Validity;
  /** critical structures of the case (nerve, bowel, lung) the simulated volume does not reach, with distances [m] */
  criticalOutside: OutsideStructure[];
  activeElements: number;
  /** Any further scalar or small fields of the core's result, passed through by name. */
  extra: Record<string, unknown>;
  runTime: { total: number; core: number };
}

/** One lateral |p| profile. */
export interface LateralProfile {
  /** distance from the beam axis [m] */
  offset: number[];
  /** [Pa] */
  pressure: number[];
}

const MODELS = {
  'whole-path':
    'Rayleigh–Sommerfeld sum onto a plane in the coupling water, hybrid angular spectrum march through the ' +
    'labelled tissue from the skin to beyond the bone (reflections, mode-converted shear in bone), q = 2·α_abs·I, ' +
    'Pennes bioheat (FTCS) on the whole path with the focal region nested, CEM43; see src/physics/CONTEXT.md',
  'focal-ray':
    'Rayleigh–Sommerfeld sum in a water background with per-element tissue-path gains and in-region attenuation, ' +
    'q = 2·α_abs·I, Pennes bioheat (FTCS) on the focal region, CEM43; see src/physics/CONTEXT.md',
} as const;

/** Result fields reported under their own names (or too large to echo): not repeated in `extra`. */
const REPORTED = new Set([
  'peakPressure',
  'peakPressureLocation',
  'focalIntensity',
  'peakTemperature',
  'peakTemperatureLocation',
  'peakDose',
  'ablationVolume',
  'energy',
  'pressure',
  'heatSource',
  'maxTemperature',
  'dose',
  'time',
  'hottestTemperature',
  'timeStep',
  'activeElements',
]);

/**
 * @param model - the field model that ran
 * @returns what computed the results: package, version, commit, Node and the model in one line
 */
export function coreInfo(model: keyof typeof MODELS): Results['core'] {
  const root = new URL('../../', import.meta.url);
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: fileURLToPath(root),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a git checkout (a copied tree): the version alone identifies the core.
  }
  return { name: pkg.name, version: pkg.version, commit, node: process.version, model: MODELS[model] };
}

/** JSON-safe copy of the core result's other fields: typed arrays as arrays unless they are voxel fields. */
function extraFields(result: SonicationResult, voxels: number): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(result)) {
    if (REPORTED.has(key) || typeof value === 'function') continue;
    if (key === 'wholePath' && typeof value === 'object' && value !== null) {
      // The profiles are reported under acoustic; the rest of the whole-path numbers pass through.
      const { profiles: _profiles, ...rest } = value as Record<string, unknown>;
      extra[key] = rest;
      continue;
    }
    if (ArrayBuffer.isView(value)) {
      const array = value as unknown as ArrayLike<number>;
      if (array.length < voxels) extra[key] = Array.from(array);
    } else {
      extra[key] = value;
    }
  }
  return extra;
}

/**
 * Runs a scenario through the engine the app's worker calls: the case (phantom GLB or boxes) → runSonication
 * (the planning trace's paths, voxelise, simulateSonication), with one source layout for the drive, the run and
 * the report.
 * @param scenario - a checked scenario
 * @param onProgress - 0..1
 * @returns the results document
 */
export async function runScenario(scenario: Scenario, onProgress: (f: number) => void = () => {}): Promise<Results> {
  installNodeKernels();
  const started = performance.now();
  const built = await buildCase(scenario);
  const spec = scenario.transducer;
  const layout = lazySourceLayout(spec);
  const overrides = scenarioOverrides(scenario.input);
  const medium = mediumOf({ tissueOverrides: overrides });
  const coupling = medium[couplingTissueOf(scenario.input)];
  const couplingImpedance = coupling.density * coupling.speedOfSound;
  const drive = driveToPower(scenario.drive, spec, layout, couplingImpedance);
  const d = built.beamDirection;
  const r = spec.radiusOfCurvature;
  const pose = { target: built.target, direction: [-d[0], -d[1], -d[2]] as Vec3, distance: r };
  const request: SonicateRequest = {
    transducer: spec,
    pose,
    acousticPower: drive.acousticPower,
    duration: scenario.input.sonication.duration,
    cooling: scenario.input.sonication.cooling,
    region: scenario.input.grid,
    aberrationCorrection: scenario.input.aberrationCorrection,
    fieldModel: scenario.input.fieldModel,
    ...(Object.keys(overrides).length > 0 ? { tissueOverrides: overrides } : {}),
  };
  const run = runSonication(built.state, request, onProgress, layout);
  const beams = { clear: 0, bone: 0, gas: 0, critical: 0 };
  for (const path of run.paths) beams[classifyBeam(path)] += 1;
  const { result } = run;
  const grid: VoxelGrid = run.grid;
  const voxels = grid.nx * grid.ny * grid.nz;
  const model = built.state.model;
  return {
    format: RESULTS_FORMAT,
    scenario: scenario.input,
    core: coreInfo(run.fieldModel),
    setup: {
      transducer: { ...spec },
      sources: {
        kind: spec.elementCount === 1 ? 'bowl-patches' : 'array-elements',
        count: layout().count,
        radiatingArea: drive.radiatingArea,
        pistonRadius: layout().elementRadius,
      },
      drive: {
        acousticPower: drive.acousticPower,
        normalVelocity: drive.normalVelocity,
        surfacePressure: drive.surfacePressure,
        couplingTissue: couplingTissueOf(scenario.input),
        couplingImpedance,
        powerConvention: POWER_CONVENTION,
      },
      target: built.target,
      beamDirection: d,
      transducerApex: [built.target[0] - r * d[0], built.target[1] - r * d[1], built.target[2] - r * d[2]],
      grid: { nx: grid.nx, ny: grid.ny, nz: grid.nz, spacing: grid.spacing, origin: [...grid.origin] },
      tissueAtTarget: model.tissueAt(built.target),
      beams,
      ...(run.beyond ? { beyondFocus: withoutEnds(run.beyond) } : {}),
    },
    acoustic: {
      ...acousticProfiles(run, grid, built.target, d, r),
      peakPressure: result.peakPressure,
      peakPressureLocation: result.peakPressureLocation,
      peakIntensity: result.focalIntensity,
    },
    thermal: {
      time: Array.from(result.time),
      hottestTemperature: Array.from(result.hottestTemperature),
      peakTemperature: result.peakTemperature,
      peakTemperatureLocation: result.peakTemperatureLocation,
      peakTemperatureTissue: model.tissueAt(result.peakTemperatureLocation),
      peakDose: result.peakDose,
      ablationThreshold: ABLATION_THRESHOLD,
      ablatedVolume: result.ablationVolume,
      timeStep: result.timeStep,
      energy: result.energy,
      atTarget: run.atTarget,
    },
    validity: run.validity,
    criticalOutside: run.criticalOutside,
    activeElements: result.activeElements,
    extra: extraFields(result, voxels),
    runTime: { total: (performance.now() - started) / 1000, core: run.elapsedMs / 1000 },
  };
}

/**
 * The profiles of a run: with the whole-path model the lattice's own samples through the focal spot's peak (on the
 * axis of an unsteered source, the axis itself), else the focal region's voxels along the axis through the target.
 */
function acousticProfiles(
  run: SonicationRun,
  grid: VoxelGrid,
  target: Vec3,
  direction: Vec3,
  radiusOfCurvature: number,
): Pick<Results['acoustic'], 'axialProfile' | 'lateralProfiles' | 'focalSize6dB' | 'targetPressure'> {
  const whole = run.result.wholePath;
  if (!whole) return { axialProfile: axialProfile(grid, run.result.pressure, target, direction, radiusOfCurvature) };
  const { axial, lateralX, lateralY } = whole.profiles;
  return {
    axialProfile: {
      offset: axial.position,
      distanceFromApex: axial.position.map((z) => radiusOfCurvature + z),
      pressure: axial.pressure,
    },
    lateralProfiles: {
      x: { offset: lateralX.position, pressure: lateralX.pressure },
      y: { offset: lateralY.position, pressure: lateralY.pressure },
    },
    focalSize6dB: {
      axial: whole.profiles.axialWidth6dB,
      lateralX: whole.profiles.lateralWidth6dBX,
      lateralY: whole.profiles.lateralWidth6dBY,
    },
    targetPressure: whole.focusPressure,
  };
}

/** What lies beyond the focus, without the per-beam end points that only the 3D view draws. */
function withoutEnds({ ends: _drawn, ...beyond }: BeyondFocus): Omit<BeyondFocus, 'ends'> {
  return beyond;
}

import { BEAM_STATUS_CODES } from '../geometry/beam-status.ts';
import type { PathSegment, VoxelGrid } from '../geometry/tissue-model.ts';
import type { SonicationElements } from '../physics/acoustic-field.ts';
import type { FocalSpot } from '../physics/estimate.ts';
import { isBeyondSteeringRange } from '../physics/estimate.ts';
import { edgeMax } from '../physics/grid.ts';
import { openScratch, type ScratchSession, withScratch } from '../physics/scratch.ts';
import {
  type SequenceInput,
  type SequenceResult,
  type SonicationSpot,
  type SpotSummary,
  simulateSequence,
} from '../physics/sequence.ts';
import type { SonicationProgress } from '../physics/snapshot.ts';
import { type Medium, TISSUES } from '../physics/tissues.ts';
import { toBeam } from '../physics/whole-path/frame.ts';
import { sequenceAcoustics, sequenceCoarseGrid, WholePathSequence } from '../physics/whole-path/sequence.ts';
import type { WholePathReport } from '../physics/whole-path/sonication.ts';
import type { SpotAcoustics } from '../physics/whole-path/spot-acoustics.ts';
import { atTarget, focalEllipsoid } from './at-target.ts';
import type { CaseState } from './case.ts';
import { criticalOutside, gridVolume, type SimulatedVolume } from './critical-outside.ts';
import { beamAxis, spotOf } from './focal-spot.ts';
import { bioheatKernelsOf } from './kernels/current.ts';
import { mediumOf } from './medium.ts';
import type { PlanOutcome, PlanSpotOutcome, SonicationSummary } from './outcomes.ts';
import { planFields } from './plan-fields.ts';
import { recordRequest } from './record-request.ts';
import { labelRegion } from './region-labels.ts';
import type { PlanRequest, PlanSpotRequest } from './requests.ts';
import { type FieldModel, steeringLossOf } from './sonicate.ts';
import { type LazySourceLayout, lazySourceLayout } from './source-layout.ts';
import { type PlanningTraceRun, planningTraceRun } from './trace-beams.ts';
import { validityOf } from './validity.ts';
import { type LatticeValidity, type WholePathSetup, wholePathSetup } from './whole-path.ts';

type Vec3 = [number, number, number];

/**
 * Margin around the spots' bounding box [m]: half the ≈ 19 mm axial focal zone (PHYSICS.md §3) plus ≈ 3 mm of
 * heat diffusion (√(2Dt) over 20–30 s), so the Dirichlet edge (37 °C) stays outside the heated zone.
 */
export const PLAN_REGION_MARGIN = 0.012;
/**
 * Cap on the region's voxels (≈ 63³): Rayleigh sum ≈ 46 ns × 208 elements × voxels ≈ 2.4 s per spot and Pennes
 * ≈ 3 ms per step on the 2-core machine. Above it the spacing is coarsened to fit (reported in the outcome grid).
 */
export const PLAN_MAX_VOXELS = 250_000;
/** A spot is blocked when fewer than this fraction of the sources fire. */
export const PLAN_MIN_FIRING_FRACTION = 0.5;

/**
 * The plan's region: the bounding box of every spot (and `include` point) plus PLAN_REGION_MARGIN, on a lattice
 * of voxel centres at integer multiples of the spacing (so any two plans with one spacing share voxel centres and
 * compare voxel by voxel). Spacing grows when the count would exceed PLAN_MAX_VOXELS.
 * @param points - the spots' foci and any `include` points [m]
 * @param spacing - wanted voxel size [m]
 * @returns the grid [m]
 */
export function planGrid(points: readonly (readonly [number, number, number])[], spacing: number): VoxelGrid {
  if (!(spacing > 0)) throw new RangeError('runPlan: spacing must be positive');
  if (points.length === 0) throw new RangeError('runPlan: the plan has no spot');
  const lo = [0, 1, 2].map((a) => Math.min(...points.map((p) => p[a] as number)) - PLAN_REGION_MARGIN);
  const hi = [0, 1, 2].map((a) => Math.max(...points.map((p) => p[a] as number)) + PLAN_REGION_MARGIN);
  let s = spacing;
  for (;;) {
    const first = lo.map((x) => Math.floor(x / s));
    const n = hi.map((x, a) => Math.ceil(x / s) - (first[a] as number) + 1);
    const count = (n[0] as number) * (n[1] as number) * (n[2] as number);
    if (count <= PLAN_MAX_VOXELS) {
      return {
        nx: n[0] as number,
        ny: n[1] as number,
        nz: n[2] as number,
        spacing: s,
        origin: [(first[0] as number) * s, (first[1] as number) * s, (first[2] as number) * s],
      };
    }
    s *= Math.cbrt(count / PLAN_MAX_VOXELS) * 1.001;
  }
}

interface JudgedSpot {
  spot: PlanSpotRequest;
  status: PlanSpotOutcome['status'];
  reasons: string[];
  steeringLoss: number;
  elements: SonicationElements;
  paths: PathSegment[][];
  /** the traced sources (a bowl's sample): what the whole-path lattice is laid out from */
  traced: PlanningTraceRun['traced'];
  /** the focal spot's size and the beam's direction at this focus (the voxel is added where the grid is known) */
  focalSpot: { spot: FocalSpot; axis: [number, number, number] };
}

const mm = (x: number): string => (x * 1000).toFixed(1);

/** Traces one spot from the fixed pose and judges it: blocked, warning or valid, with reasons in plain words. */
function judgeSpot(
  state: CaseState,
  request: PlanRequest,
  spot: PlanSpotRequest,
  layout: LazySourceLayout,
): JudgedSpot {
  const steered = { ...request, focus: spot.focus };
  const run = planningTraceRun(state, steered, layout);
  const { trace } = run;
  const n = trace.statuses.length;
  const reasons: string[] = [];
  let blocked = false;
  const tissue = state.model.tissueAt(spot.focus);
  if (TISSUES[tissue].isGas) {
    blocked = true;
    reasons.push(`The focus is in gas (${TISSUES[tissue].name}): sound does not enter it.`);
  }
  if (trace.activeCount < PLAN_MIN_FIRING_FRACTION * n) {
    blocked = true;
    reasons.push(
      `Only ${trace.activeCount} of ${n} elements can fire (${Math.round((100 * trace.activeCount) / n)} %); at least half must.`,
    );
  }
  // Free beams are each aimed at the focus: nothing is steered.
  const steeringLoss = run.sources.kind === 'free' ? 1 : steeringLossOf(steered, layout);
  let warning = false;
  if (isBeyondSteeringRange(steeringLoss)) {
    warning = true;
    const d = Math.hypot(...spot.focus.map((x, a) => x - (request.pose.target[a] as number)));
    reasons.push(
      `The focus is ${mm(d)} mm from the transducer's geometric focus, beyond its steering range: the focal pressure falls to ${Math.round(100 * steeringLoss)} % of the unsteered. Move the transducer.`,
    );
  }
  let bone = 0;
  let angle = 0;
  let gas = 0;
  let critical = 0;
  let nopass = 0;
  for (let e = 0; e < n; e++) {
    if (trace.firing[e] !== 1) continue;
    const status = BEAM_STATUS_CODES[trace.statuses[e] as number];
    if (status === 'bone') bone++;
    if (status === 'angle') angle++;
    if (status === 'gas') gas++;
    if (status === 'critical') critical++;
    if (status === 'nopass') nopass++;
  }
  // Gas reflects the whole beam and burns its wall; a no-pass region is the user's own order: neither is delivered.
  if (gas > 0) {
    blocked = true;
    reasons.push(
      `${gas} firing beams cross gas (bowel gas or lung): it reflects them and burns its wall. Switch them off (automatic switch-off) or move the transducer.`,
    );
  }
  if (nopass > 0) {
    blocked = true;
    reasons.push(`${nopass} firing beams cross a no-pass region. Switch them off or move the transducer.`);
  }
  if (critical > 0) {
    warning = true;
    reasons.push(`${critical} firing beams cross a critical structure (nerve or bowel wall): it heats on the way.`);
  }
  if (bone > 0) {
    warning = true;
    reasons.push(`${bone} firing beams cross bone before the target: the bone heats and less reaches the focus.`);
  }
  if (angle > 0) {
    warning = true;
    reasons.push(
      `${angle} firing beams meet bone beyond the critical angle: they bring nothing to the focus and heat the bone surface.`,
    );
  }
  // Behind the target: not blocked (the sonication there may still be safe), but never a plain "valid".
  if (trace.beyond) {
    warning = true;
    const { beams, distance } = trace.beyond;
    const name = TISSUES[trace.beyond.tissue].name.toLowerCase();
    reasons.push(
      `${beams} firing beams go on past the focus into ${name}, ${mm(distance)} mm behind it: what the target does not absorb heats it there. Read its dose after the run.`,
    );
  }
  return {
    spot,
    status: blocked ? 'blocked' : warning ? 'warning' : 'valid',
    reasons,
    steeringLoss,
    elements: { ...run.sources.elements, radius: run.sources.elementRadius, active: run.firing },
    paths: run.paths,
    traced: run.traced,
    focalSpot: { spot: spotOf(steered, run.sources), axis: beamAxis(steered, run.sources) },
  };
}

function emptySummary(steeringLoss: number): SonicationSummary {
  return {
    peakPressure: 0,
    peakPressureLocation: [0, 0, 0],
    focalIntensity: 0,
    peakTemperature: 37,
    peakTemperatureLocation: [0, 0, 0],
    peakDose: 0,
    ablationVolume: 0,
    energy: 0,
    activeElements: 0,
    timeStep: 0,
    steeringLoss,
    elementsBeyondCriticalAngle: 0,
    lesionCoverage: 0,
  };
}

/** What a plan needs before any field is computed: the judged spots, the region and, on the whole path, the lattice. */
export interface PreparedPlan {
  judged: JudgedSpot[];
  /** the spots that are delivered (not blocked), in order */
  delivered: JudgedSpot[];
  spots: SonicationSpot[];
  /** the first delivered spot (or the first spot when all are blocked): its sources lay out the lattice */
  first: JudgedSpot;
  grid: VoxelGrid;
  medium: Medium;
  fieldModel: FieldModel;
  /** the sequence's input without progress or recording */
  input: SequenceInput;
  /** the whole path (absent for the focal-ray model or when nothing is delivered) */
  setup?: WholePathSetup;
}

/** How runPlan may be helped: a preparation already made, and spot acoustics computed elsewhere (a worker pool). */
export interface PlanRunOptions {
  prepared?: PreparedPlan;
  /** acoustics by spot id (planAcoustics) */
  precomputed?: Readonly<Record<string, SpotAcoustics>>;
}

/**
 * Judges every spot, sizes and labels the region, and lays out the whole path of the pose: the part of a plan that
 * every worker of a pool repeats identically before sharing out the spots.
 * @param state - the case
 * @param request - the plan
 * @returns the preparation
 */
export function preparePlan(state: CaseState, request: PlanRequest): PreparedPlan {
  // One pose, one transducer: every spot places the same layout.
  const layout = lazySourceLayout(request.transducer);
  const judged = request.spots.map((spot) => judgeSpot(state, request, spot, layout));
  const grid = planGrid([...request.spots.map((s) => s.focus), ...(request.include ?? [])], request.spacing);
  const medium = mediumOf(request);
  const { labels, tissueTable, thermalMedium } = labelRegion(state, grid, medium);
  const delivered = judged.filter((j) => j.status !== 'blocked');
  const spots: SonicationSpot[] = delivered.map((j) => ({
    focus: j.spot.focus,
    elementPaths: j.paths,
    acousticPower: j.spot.acousticPower,
    duration: j.spot.duration,
    cooling: j.spot.cooling,
    elements: j.elements,
  }));
  const first = (delivered[0] ?? judged[0]) as JudgedSpot;
  const input: SequenceInput = {
    elements: first.elements,
    frequency: request.transducer.frequency,
    grid,
    labels,
    tissueTable,
    medium,
    thermalMedium,
    ...bioheatKernelsOf(),
    ...(request.aberrationCorrection === undefined ? {} : { aberrationCorrection: request.aberrationCorrection }),
  };
  const free = (request.freeBeams?.length ?? 0) > 0;
  const fieldModel: FieldModel = free ? 'focal-ray' : (request.fieldModel ?? 'whole-path');
  const prepared: PreparedPlan = { judged, delivered, spots, first, grid, medium, fieldModel, input };
  if (fieldModel === 'whole-path' && spots.length > 0) {
    // One lattice for the pose holds every spot: the array steers electronically from where it sits.
    prepared.setup = wholePathSetup(
      state,
      request.pose,
      first.traced.elements.positions,
      first.traced.paths,
      first.spot.focus,
      grid,
      request.transducer.frequency,
      medium,
    );
  }
  return prepared;
}

/**
 * The whole-path acoustics of some of a plan's spots, for a pool of workers to share the spots out and hand the
 * results to the one that runs the plan (runPlan's `precomputed`). Blocked spots, and plans on the focal-ray
 * model, have none.
 * @param state - the case
 * @param request - the plan
 * @param ids - the spots to compute
 * @param onProgress - 0..1
 * @param prepared - preparePlan's result, when the caller keeps it
 * @returns acoustics by spot id
 */
export function planAcoustics(
  state: CaseState,
  request: PlanRequest,
  ids: readonly string[],
  onProgress: (fraction: number) => void,
  prepared: PreparedPlan = preparePlan(state, request),
): Record<string, SpotAcoustics> {
  // Each spot's lattice heat is lent (one march after another reuses its pages); the acoustics returned hold none.
  return withScratch(() => planAcousticsScratched(state, request, ids, onProgress, prepared));
}

function planAcousticsScratched(
  state: CaseState,
  request: PlanRequest,
  ids: readonly string[],
  onProgress: (fraction: number) => void,
  prepared: PreparedPlan,
): Record<string, SpotAcoustics> {
  const { setup, delivered, spots } = prepared;
  if (!setup) return {};
  const wanted = delivered.flatMap((j, s) => (ids.includes(j.spot.id) ? [s] : []));
  // The fields this worker kept from the last run of the same plan (only powers or times changed) need no march.
  const kept = planFields(state, request);
  const reused = new Map<number, SpotAcoustics>();
  for (const s of wanted) {
    const field = kept.get((delivered[s] as JudgedSpot).spot);
    if (field) reused.set(s, field);
  }
  const indices = wanted.filter((s) => !reused.has(s));
  const input = { ...prepared.input, couplingTissue: setup.coupling, wholePath: setup.wholePath };
  const computed =
    indices.length > 0 ? sequenceAcoustics(input, spots, indices, sequenceCoarseGrid(input), onProgress) : [];
  for (const [i, s] of indices.entries()) kept.keep((delivered[s] as JudgedSpot).spot, computed[i] as SpotAcoustics);
  return Object.fromEntries(
    wanted.map((s) => [
      (delivered[s] as JudgedSpot).spot.id,
      reused.get(s) ?? (computed[indices.indexOf(s)] as SpotAcoustics),
    ]),
  );
}

/**
 * A plan of several sonications from one fixed transducer pose, each spot steered electronically to its focus:
 * every spot is traced and judged (blocked: fewer than half the sources fire, or the focus is in gas; warning:
 * beyond the steering range, or firing beams cross bone before the target or meet bone beyond the critical angle;
 * else valid); the spots that are not blocked run, in order, through physics simulateSequence on one region
 * (planGrid) so temperature and dose carry over, with each spot's cooling as the pause before the next. Blocked
 * spots are not delivered (their summary is empty and they take no time). Per-spot `lesionCoverage` is the whole
 * plan's (the sequence reports coverage at its end only).
 * @param state - the loaded case
 * @param request - pose, planning context, spots and voxel size [m]
 * @param onProgress - 0..1, with the heat of the spot being simulated (its number in the plan's list)
 * @param options - a preparation already made, and spot acoustics computed elsewhere
 * @returns per-spot outcomes in request order and the accumulated fields
 */
export function runPlan(
  state: CaseState,
  request: PlanRequest,
  onProgress: SonicationProgress,
  options: PlanRunOptions = {},
): PlanOutcome {
  const plan = startPlan(state, request, onProgress, options.prepared);
  try {
    for (let id = plan.wanted; id !== undefined; id = plan.wanted) plan.give(options.precomputed?.[id]);
    return plan.finish();
  } finally {
    plan.close();
  }
}

/**
 * A plan that runs as its spots' acoustics come (runPlan, spot by spot): a worker pool's primary gives it the fields
 * the other workers computed, as they arrive, and heats each spot while the others march the next.
 */
export interface PlanInProgress {
  /** the delivered spot whose acoustics are to be given next; undefined when none is wanted any more */
  readonly wanted: string | undefined;
  /** this worker keeps the wanted spot's field from a run of the same plan: give it nothing */
  readonly keepsWanted: boolean;
  /**
   * The wanted spot's acoustics: given (computed by another worker), or when undefined taken from this worker's kept
   * fields or computed here (and kept). Runs the heat they make possible.
   * @throws SonicationCancelled when the request's run is cancelled
   */
  give(acoustics?: SpotAcoustics): void;
  /** the plan's outcome, once no spot is wanted */
  finish(): PlanOutcome;
  /** ends the run (also one that failed or was cancelled): its temporaries go back to the scratch */
  close(): void;
}

/**
 * Starts a plan (see runPlan): judges the spots, sizes the region and lays out the lattice (or takes `prepared`).
 * @param state - the loaded case
 * @param request - the plan
 * @param onProgress - 0..1, with the heat of the spot being simulated (its number in the plan's list)
 * @param prepared - preparePlan's result, when the caller keeps it
 * @returns the plan in progress
 */
export function startPlan(
  state: CaseState,
  request: PlanRequest,
  onProgress: SonicationProgress,
  prepared?: PreparedPlan,
): PlanInProgress {
  // Its big temporaries (thermal problems, states, maxima) are lent until it closes, across the waits for fields.
  const started = performance.now();
  const scratch = openScratch();
  try {
    return scratch.run(() =>
      startPlanScratched(state, request, onProgress, prepared ?? preparePlan(state, request), scratch, started),
    );
  } catch (error) {
    scratch.close();
    throw error;
  }
}

function startPlanScratched(
  state: CaseState,
  request: PlanRequest,
  onProgress: SonicationProgress,
  prepared: PreparedPlan,
  scratch: ScratchSession,
  started: number,
): PlanInProgress {
  const { judged, delivered, spots, first } = prepared;
  const others = request.results?.spotFoci ? delivered.slice(1) : [];
  const record = request.results
    ? recordRequest(request.results, first.spot.focus, {
        points: others.map((j) => [...j.spot.focus] as Vec3),
        labels: others.map((j) => `spot ${j.spot.id}`),
      })
    : undefined;
  // The sequence numbers the spots it delivers; the user knows them by their place in the plan's list.
  const listIndex = delivered.map((j) => judged.indexOf(j));
  const input: SequenceInput = {
    ...prepared.input,
    onProgress: (f, snapshot) =>
      onProgress(
        0.05 + 0.95 * f,
        snapshot?.stage === 'heat' && snapshot.spot
          ? { ...snapshot, spot: { index: listIndex[snapshot.spot.index] ?? -1, count: judged.length } }
          : snapshot,
      ),
    ...(record ? { record } : {}),
  };
  onProgress(0.05);
  const setup = prepared.setup;
  if (!setup) {
    // The focal-ray model (or no spot delivered): each spot's field is made on the plan region as the sequence goes.
    return {
      wanted: undefined,
      keepsWanted: false,
      give: () => {
        throw new RangeError('startPlan: no spot is wanted');
      },
      finish: () =>
        scratch.run(() => {
          const result = simulateSequence(input, spots);
          return planOutcome(
            state,
            prepared,
            result,
            gridVolume(prepared.grid, edgeMax(prepared.grid, result.maxTemperature)),
            undefined,
            started,
          );
        }),
      close: () => scratch.close(),
    };
  }
  const sequence = new WholePathSequence(
    { ...input, couplingTissue: setup.coupling, wholePath: setup.wholePath },
    spots,
  );
  // Fields this worker kept from the last run of the same plan (only powers or times changed) need no march.
  const kept = planFields(state, request);
  return {
    get wanted() {
      const s = sequence.wanted;
      return s === undefined ? undefined : (delivered[s] as JudgedSpot).spot.id;
    },
    get keepsWanted() {
      const s = sequence.wanted;
      return s !== undefined && kept.has((delivered[s] as JudgedSpot).spot);
    },
    give: (acoustics) =>
      scratch.run(() => {
        const s = sequence.wanted;
        if (s === undefined) throw new RangeError('startPlan: no spot is wanted');
        const spot = (delivered[s] as JudgedSpot).spot;
        let given = acoustics ?? kept.get(spot);
        if (!given) {
          given = sequence.computeWanted();
          kept.keep(spot, given);
        }
        sequence.give(given);
      }),
    finish: () =>
      scratch.run(() => {
        const whole = sequence.finish();
        const frame = setup.wholePath.frame;
        const volume = gridVolume(whole.wholePath.coarseGrid, whole.wholePath.edgeTemperature, (p) => toBeam(frame, p));
        return planOutcome(state, prepared, whole, volume, setup.validity, started);
      }),
    close: () => scratch.close(),
  };
}

/** The plan's outcome from its sequence: every spot's summary (blocked spots empty) and the plan's dose report. */
function planOutcome(
  state: CaseState,
  prepared: PreparedPlan,
  result: SequenceResult & { wholePath?: WholePathReport },
  volume: SimulatedVolume,
  latticeValidity: LatticeValidity | undefined,
  started: number,
): PlanOutcome {
  const { judged, grid, medium, first, fieldModel } = prepared;
  let clock = 0;
  let next = 0;
  const outcomes: PlanSpotOutcome[] = judged.map((j) => {
    if (j.status === 'blocked') {
      return {
        id: j.spot.id,
        status: j.status,
        reasons: j.reasons,
        summary: emptySummary(j.steeringLoss),
        startTime: clock,
      };
    }
    const s = result.spots[next++];
    if (!s) throw new Error('runPlan: the sequence returned fewer spots than were delivered');
    clock = s.startTime + j.spot.duration + j.spot.cooling;
    const validity = validityOf(
      state.model.tissueAt(j.spot.focus),
      medium,
      [s.peakTemperature],
      latticeValidity,
      undefined,
      s.solidAtFocus,
    );
    // A spot that boils tissue is not valid, whatever its beams: the model stops holding there.
    const boiling = validity.boiling
      ? [`It reaches ${Math.round(s.peakTemperature)} °C: the tissue boils. Lower this spot's power or duration.`]
      : [];
    return {
      id: j.spot.id,
      status: j.status === 'valid' && boiling.length > 0 ? 'warning' : j.status,
      reasons: [...j.reasons, ...boiling],
      startTime: s.startTime,
      summary: {
        peakPressure: s.peakPressure,
        peakPressureLocation: s.peakPressureLocation,
        focalIntensity: s.focalIntensity,
        peakTemperature: s.peakTemperature,
        peakTemperatureLocation: s.peakTemperatureLocation,
        peakDose: s.peakDose,
        ablationVolume: s.ablationVolume,
        energy: s.energy,
        activeElements: s.activeElements,
        timeStep: s.timeStep,
        steeringLoss: j.steeringLoss,
        elementsBeyondCriticalAngle: s.elementsBeyondCriticalAngle,
        lesionCoverage: result.lesionCoverage,
        fieldModel,
        validity,
        // At the spot's focus over the whole plan (later spots nearby heat it too).
        atTarget: atTarget(
          grid,
          result.maxTemperature,
          result.dose,
          j.spot.focus,
          s,
          focalEllipsoid(j.focalSpot.spot, j.focalSpot.axis, grid.spacing),
          (p) => state.model.tissueAt(p),
        ),
      },
    };
  });
  const pathPeak = result.wholePath?.pathPeakTemperature;
  const hottest = [result.peakTemperature, ...(pathPeak === undefined ? [] : [pathPeak.temperature])];
  return {
    spots: outcomes,
    grid,
    maxTemperature: result.maxTemperature,
    dose: result.dose,
    time: result.time,
    peakTemperature: result.peakTemperatureHistory,
    ...(pathPeak
      ? {
          pathPeakTemperature: {
            temperature: pathPeak.temperature,
            location: [...pathPeak.location] as [number, number, number],
            tissue: pathPeak.tissue,
          },
        }
      : {}),
    ...(result.series && result.frames ? { series: result.series, frames: result.frames } : {}),
    doses: {
      tissueDose: result.tissueDose,
      boneDose: result.boneDose,
      criticalDose: result.criticalDose,
      lesionCoverage: result.lesionCoverage,
      boneSurfaceOutsideTarget: result.boneSurfaceOutsideTarget,
      safetyDoseThreshold: result.safetyDoseThreshold,
      criticalOutside: criticalOutside(state, result, volume),
    },
    validity: validityOf(
      state.model.tissueAt(first.spot.focus),
      medium,
      hottest,
      latticeValidity,
      undefined,
      steepest(result.spots),
    ),
    elapsedMs: performance.now() - started,
  };
}

/** The spot whose bone at the focus is met most steeply (validity.ts boneAtSteepFocus), for the plan's own flags. */
function steepest(spots: readonly SpotSummary[]): SpotSummary['solidAtFocus'] {
  let worst: SpotSummary['solidAtFocus'];
  for (const { solidAtFocus: s } of spots) {
    if (s && (!worst || s.straddling * s.ofInput > worst.straddling * worst.ofInput)) worst = s;
  }
  return worst;
}

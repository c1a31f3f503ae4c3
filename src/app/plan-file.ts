import type * as v from 'valibot';
import { meshFormatOfText } from '../geometry/import/mesh-file.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import { TISSUES, type TissueOverride } from '../physics/tissues.ts';
import { radiatingAreaOf } from '../physics/transducer.ts';
import { type Plan, PlanFileError, parsePlan, planOverrides } from '../plan-file/parse.ts';
import { PLAN_FORMAT, PLAN_UNITS, PLAN_VERSION, type planSchema } from '../plan-file/schema.ts';
import { PLANNING_KEYS, reserveIds } from '../state/planning.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../state/safety-defaults.ts';
import type { PlannerState, PlannerStoreApi } from '../state/store.ts';
import { DEFAULT_REGION } from './defaults.ts';

/**
 * The app's plan ↔ a plan file (src/plan-file, the format `npm run simulate` runs). Pure: the store's planning state
 * in, a JSON-ready object out, and back; `applyPlanFile` is the one place a read plan enters the store. Conventions:
 * - `medium` is `{ type: 'phantom', id }` for a bundled case; layered and homogeneous media are the command line's
 *   only (refused here with the reason);
 * - the file's `beamDirection` is the way the beam travels (transducer → target), the store's points from the target
 *   toward the transducer (the pose's `direction`): one is the other negated;
 * - the transducer is written in full (every geometry field), the drive as the acoustic power the app holds, the
 *   grid as the app's region (defaults.ts DEFAULT_REGION).
 */

type Vec3 = [number, number, number];

/** A plan file as written (JSON-ready): the schema's input type, so the compiler checks every field we write. */
export type PlanFile = v.InferInput<ReturnType<typeof planSchema>>;

/** What the store holds of a plan: the undoable planning fields plus the safety limits (a file carries them). */
export const PLAN_STATE_KEYS = [
  'target',
  'beamDirection',
  'transducer',
  'sonication',
  ...PLANNING_KEYS,
  'safetyThresholds',
] as const satisfies readonly (keyof PlannerState)[];

export type PlanState = Pick<PlannerState, (typeof PLAN_STATE_KEYS)[number]>;

/** The plan's name and description: kept with the plan (autosave, files), not in the store. */
export interface PlanMeta {
  name?: string | undefined;
  description?: string | undefined;
}

/** @returns the store's plan, picked (the same objects, not copies) */
export function planStateOf(state: PlanState): PlanState {
  const picked: Partial<Record<keyof PlanState, unknown>> = {};
  for (const key of PLAN_STATE_KEYS) picked[key] = state[key];
  return picked as PlanState;
}

/** 0 − x, so that a zero stays +0 (JSON writes −0 as 0 anyway; the store never sees −0 from a file). */
function opposite(d: readonly [number, number, number]): Vec3 {
  return [0 - d[0], 0 - d[1], 0 - d[2]];
}

/**
 * The medium a bundled case is written as. An imported case is written as the mesh medium of its import's choices
 * (import-flow.ts `meshMediumOf`), passed to planFileOf by its callers.
 * @param caseId - the store's case
 * @returns the file's medium
 */
export function mediumOf(caseId: string): PlanFile['medium'] {
  return { type: 'phantom', id: caseId };
}

/** The tissue properties a plan file holds (src/plan-file/fields.ts `properties`): every one the app lets a user set. */
const FILE_PROPERTIES = [
  'density',
  'speedOfSound',
  'attenuation0',
  'attenuationExponent',
  'absorptionFraction',
  'shearSpeed',
  'shearAttenuation0',
  'specificHeat',
  'thermalConductivity',
  'perfusion',
] as const;

function tissuesOf(overrides: PlanState['tissueOverrides']): NonNullable<PlanFile['tissues']> {
  const out: NonNullable<PlanFile['tissues']> = {};
  for (const [tissue, values] of Object.entries(overrides) as [TissueId, TissueOverride | undefined][]) {
    const kept: Partial<Record<(typeof FILE_PROPERTIES)[number], number>> = {};
    for (const key of FILE_PROPERTIES) if (values?.[key] !== undefined) kept[key] = values[key];
    if (Object.keys(kept).length > 0) out[tissue] = kept;
  }
  return out;
}

/**
 * The store's plan as a plan file.
 * @param state - the store (its case and planning state)
 * @param meta - the plan's name and description, when it has them
 * @returns a version-1 plan file, ready for JSON.stringify
 */
export function planFileOf(
  state: PlanState & { caseId: string },
  meta: PlanMeta = {},
  medium: PlanFile['medium'] = mediumOf(state.caseId),
): PlanFile {
  const t = state.transducer;
  const head: Pick<PlanFile, 'format' | 'version' | 'units' | 'name' | 'description'> = {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    units: PLAN_UNITS,
  };
  if (meta.name !== undefined) head.name = meta.name;
  if (meta.description !== undefined) head.description = meta.description;
  const planning: NonNullable<PlanFile['planning']> = {
    elementsOff: [...state.elementsOff],
    autoSwitchOff: state.autoSwitchOff,
    noPass: state.noPass.map((r) => ({ id: r.id, kind: r.kind, centre: [...r.centre], size: r.size })),
    freeBeamMode: state.freeBeamMode,
    freeBeams: state.freeBeams.map((b) => [...b]),
    spots: state.spots.map((s) => ({
      id: s.id,
      focus: [...s.focus],
      acousticPower: s.acousticPower,
      duration: s.duration,
      cooling: s.cooling,
    })),
    probes: state.probes.map((p) => ({ id: p.id, label: p.label, point: [...p.point] })),
    targetSnap: state.targetSnap,
  };
  if (state.selectedSpotId !== undefined) planning.selectedSpotId = state.selectedSpotId;
  return {
    ...head,
    medium,
    transducer: {
      radiusOfCurvature: t.radiusOfCurvature,
      aperture: t.aperture,
      centralHoleDiameter: t.centralHoleDiameter,
      elementCount: t.elementCount,
      elementDiameter: t.elementDiameter,
      frequency: t.frequency,
    },
    drive: { acousticPower: state.sonication.acousticPower },
    tissues: tissuesOf(state.tissueOverrides),
    target: [...state.target],
    beamDirection: opposite(state.beamDirection),
    aberrationCorrection: state.aberrationCorrection,
    sonication: { duration: state.sonication.duration, cooling: state.sonication.cooling },
    grid: { ...DEFAULT_REGION },
    planning,
    safety: { ...state.safetyThresholds },
  };
}

/** The mesh medium of a plan (src/plan-file/fields.ts). */
export type PlanMeshMedium = Extract<PlanFile['medium'], { type: 'mesh' }>;

/**
 * A plan on imported mesh files whose case the app does not hold: it opens once the user gives the files it names.
 * Not a refusal of the file: plan-io asks for the files.
 */
export class MeshFilesNeeded extends PlanFileError {
  constructor(
    readonly plan: Plan,
    readonly medium: PlanMeshMedium,
  ) {
    super(
      'medium',
      `this plan is on imported mesh files that must be given with it: ${medium.parts.map((p) => p.file).join(', ')}`,
    );
  }
}

/**
 * The case a plan is on.
 * @param plan - a read plan
 * @param caseIds - the bundled cases the app can open
 * @param meshCase - the imported case made with a mesh medium's choices, when the app holds one
 * @returns the case id
 * @throws MeshFilesNeeded for a mesh medium the app holds no case of; PlanFileError for a medium the app cannot
 *   open (layers, one tissue: the command line's)
 */
export function planCaseOf(
  plan: Plan,
  caseIds: readonly string[],
  meshCase: (medium: PlanMeshMedium) => string | undefined = () => undefined,
): string {
  const medium = plan.input.medium;
  if (medium.type === 'layers' || medium.type === 'homogeneous') {
    const what = medium.type === 'layers' ? 'planar layers' : `one tissue (${medium.tissue})`;
    throw new PlanFileError(
      'medium',
      `this plan is on ${what}, which only the command line runs (npm run simulate -- plan.json); the app opens plans on its bundled cases`,
    );
  }
  if (medium.type === 'mesh') {
    const held = meshCase(medium);
    if (held === undefined) throw new MeshFilesNeeded(plan, medium);
    return held;
  }
  if (!caseIds.includes(medium.id)) throw new PlanFileError('medium.id', `no bundled case called "${medium.id}"`);
  return medium.id;
}

/**
 * Reads a plan file's text as the app opens it: JSON, then the plan format (migrating older versions), then a
 * medium the app can open.
 * @param text - the file's content
 * @param caseIds - the cases the app can open
 * @returns the plan and its case
 * @throws PlanFileError naming the field ('' for the whole file)
 */
export function readPlanText(
  text: string,
  caseIds: readonly string[],
  meshCase?: (medium: PlanMeshMedium) => string | undefined,
): { plan: Plan; caseId: string } {
  return readPlanJson(jsonOfText(text), caseIds, meshCase);
}

/**
 * @param text - a file's content
 * @returns its JSON value
 * @throws PlanFileError when it is not JSON
 */
export function jsonOfText(text: string): unknown {
  // As the mesh importer says it (a walk found "Unexpected end of JSON input" for an empty file).
  if (text.trim() === '') throw new PlanFileError('', 'the file is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    const trimmed = text.trim();
    const model = modelFormatOf(text);
    // A plan with bytes after it is a broken plan, not a model (a walk was sent to "Import bone…" for one).
    if (model && !(model === 'binary' && trimmed.startsWith('{'))) {
      throw new PlanFileError('', `this is a 3D model (${model}), not a plan: open it with "Import bone…" instead`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    // Cut short only where the parser ran out of text; an error in the middle is a broken plan (a walk was told a
    // complete file "was cut short").
    const position = Number(/at position (\d+)/.exec(detail)?.[1] ?? Number.NaN);
    const atEnd = position >= text.trimEnd().length || /end of (JSON )?(data|input)|Unterminated/i.test(detail);
    if (trimmed.length > 0 && atEnd) {
      throw new PlanFileError(
        '',
        'the file ends before the plan does: it was cut short (saved or copied only in part)',
      );
    }
    // Text that starts as JSON and breaks is told where; other text is simply not JSON.
    if (!/^[{[]/.test(trimmed)) throw new PlanFileError('', `not a plan file: its text is not JSON (${detail})`);
    const where = Number.isFinite(position) ? `, at ${lineAndColumn(text, position)}` : '';
    throw new PlanFileError('', `not a plan file: its text is not valid JSON${where} (${detail})`);
  }
}

/** "line 3, column 5" of a character position in a text (both counted from 1). */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return `line ${line}, column ${position - before.lastIndexOf('\n')}`;
}

/** The 3D model a file's text looks like, for one opened as a plan by mistake (undefined: none). */
function modelFormatOf(text: string): string | undefined {
  const head = text.slice(0, 512);
  const format = meshFormatOfText(head);
  if (format) return format === 'gltf' ? 'GLB' : format.toUpperCase();
  // A binary file read as text: NULs.
  return head.includes('\u0000') ? 'binary' : undefined;
}

/** As readPlanText, from parsed JSON (a link, an autosave). */
export function readPlanJson(
  json: unknown,
  caseIds: readonly string[],
  meshCase?: (medium: PlanMeshMedium) => string | undefined,
): { plan: Plan; caseId: string } {
  const plan = parsePlan(json, caseIds);
  return { plan, caseId: planCaseOf(plan, caseIds, meshCase) };
}

/** What a case gives when a plan leaves a field out: its default target and transducer side. */
export interface CaseDefaults {
  defaultTarget: readonly [number, number, number];
  /** from the target toward the transducer (the store's convention) */
  defaultBeamDirection: readonly [number, number, number];
}

const DRIVE_NAMES = { surfacePressure: 'surface pressure', normalVelocity: 'normal velocity' } as const;

/**
 * A read plan as the store's planning state, and what of the file the app does not hold (said to the user).
 * @param plan - a read plan on the case
 * @param defaults - the case's default target and direction (for a file that leaves them out)
 * @returns the state and notes
 */
export function planStateFromFile(plan: Plan, defaults: CaseDefaults): { state: PlanState; notes: string[] } {
  const input = plan.input;
  const p = input.planning;
  const notes: string[] = [];
  const tissueOverrides = planOverrides(input);
  let acousticPower = plan.drive.value;
  if (plan.drive.quantity !== 'acousticPower') {
    // The app holds a power; the same convention as the command line's (W = ½·ρc·u²·A, the coupling water's ρc).
    const water = { ...TISSUES.water, ...tissueOverrides.water };
    const impedance = water.density * water.speedOfSound;
    const u = plan.drive.quantity === 'surfacePressure' ? plan.drive.value / impedance : plan.drive.value;
    acousticPower = 0.5 * impedance * u * u * radiatingAreaOf(plan.transducer);
    notes.push(
      `The drive, a ${DRIVE_NAMES[plan.drive.quantity]} of ${plan.drive.value}, is held as ${acousticPower.toPrecision(3)} W.`,
    );
  }
  const freeBeams = (p?.freeBeamMode ?? false) && (p?.freeBeams.length ?? 0) > 0;
  if (input.fieldModel === 'focal-ray' && !freeBeams) {
    notes.push(
      'The file asks for the focal-ray field model: the app runs the whole beam path (npm run simulate follows the file).',
    );
  }
  if (input.grid.size !== DEFAULT_REGION.size || input.grid.spacing !== DEFAULT_REGION.spacing) {
    notes.push(
      `The app simulates its own region (${DEFAULT_REGION.size * 1e3} mm, ${DEFAULT_REGION.spacing * 1e3} mm voxels); the file's grid is for the command line.`,
    );
  }
  // A direction already of unit length is taken as written (lossless); any other is normalised, as the CLI does.
  const written = input.beamDirection;
  const travel = written && Math.abs(Math.hypot(...written) - 1) < 1e-12 ? written : plan.beamDirection;
  const state: PlanState = {
    target: input.target ? [...input.target] : [...defaults.defaultTarget],
    beamDirection: travel ? opposite(travel) : [...defaults.defaultBeamDirection],
    transducer: { ...plan.transducer },
    sonication: { acousticPower, duration: input.sonication.duration, cooling: input.sonication.cooling },
    aberrationCorrection: input.aberrationCorrection,
    tissueOverrides,
    elementsOff: [...new Set(p?.elementsOff ?? [])].sort((a, b) => a - b),
    autoSwitchOff: p?.autoSwitchOff ?? false,
    noPass: (p?.noPass ?? []).map((r) => ({ ...r, centre: [...r.centre] })),
    spots: (p?.spots ?? []).map((s) => ({ ...s, focus: [...s.focus] })),
    selectedSpotId: p?.selectedSpotId,
    freeBeamMode: p?.freeBeamMode ?? false,
    freeBeams: (p?.freeBeams ?? []).map((b) => [...b]),
    targetSnap: p?.targetSnap ?? 'inside',
    probes: (p?.probes ?? []).map((q) => ({ ...q, point: [...q.point] })),
    safetyThresholds: input.safety ? { ...input.safety } : { ...DEFAULT_SAFETY_THRESHOLDS },
  };
  return { state, notes };
}

/**
 * Puts a read plan into the store, whose case must be the plan's and loaded. Decision: opening a plan is **one undo
 * step** (Undo brings back the plan that was there); `record: false` applies it outside the history (restoring an
 * autosave, coming back to a case). The safety limits are not undoable in the app (a preference), so Undo leaves them.
 * Results stay and turn stale as for any other change.
 * @param store - the planner store
 * @param plan - a read plan on the store's case
 * @param options - record: one undo step (default) or none
 * @returns notes on what of the file the app does not hold
 */
export function applyPlanFile(store: PlannerStoreApi, plan: Plan, options: { record?: boolean } = {}): string[] {
  const s = store.getState();
  const medium = plan.input.medium;
  // A mesh medium is on the imported case its caller found for it (planCaseOf); a phantom names its case.
  const onCase = medium.type === 'mesh' || (medium.type === 'phantom' && medium.id === s.caseId);
  if (!onCase || !s.caseSummary || s.caseStatus !== 'ready') {
    throw new Error('applyPlanFile: the store must have the plan’s case loaded');
  }
  const { state, notes } = planStateFromFile(plan, s.caseSummary.meta);
  reserveIds([...state.spots, ...state.noPass, ...state.probes].map((x) => x.id));
  const temporal = store.temporal.getState();
  const record = options.record ?? true;
  if (!record) temporal.pause();
  try {
    store.setState(state);
  } finally {
    if (!record) temporal.resume();
  }
  return notes;
}

/**
 * Checks a plan file the app wrote before it leaves the app (a value the format refuses would make a file that does
 * not open again).
 * @returns undefined, or the refusal naming the field
 */
export function planFileProblem(file: PlanFile, caseIds: readonly string[]): PlanFileError | undefined {
  try {
    // A mesh medium is checked by the format; its files are the user's to send with it.
    parsePlan(JSON.parse(JSON.stringify(file)), caseIds);
    if (file.medium.type !== 'mesh') readPlanJson(JSON.parse(JSON.stringify(file)), caseIds);
    return undefined;
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
}

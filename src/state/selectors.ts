import type { SphericalArraySpec } from '../physics/transducer.ts';
import type { NoPassRegion } from '../worker/plan-protocol.ts';
import type { PlanSpot } from './planning.ts';
import { sameData } from './same-data.ts';
import type { PlannerStore, SonicationParams } from './store.ts';
import type { TissueOverrides } from './tissue-overrides.ts';

type Vec3 = [number, number, number];

/** Closer than this, a spot is at the target and the array is not steered [m]. */
const STEERING_TOLERANCE = 1e-4;

/**
 * Where the array focuses electronically: the selected spot, when it lies off the target (the transducer stays
 * with its geometric focus on the target and steers); otherwise the target itself.
 */
export function electronicFocus(state: PlannerStore): Vec3 {
  const spot = state.spots.find((s) => s.id === state.selectedSpotId);
  if (!spot) return state.target;
  const [x, y, z] = spot.focus;
  const [tx, ty, tz] = state.target;
  return Math.hypot(x - tx, y - ty, z - tz) > STEERING_TOLERANCE ? spot.focus : state.target;
}

/** The electronic focus when it differs from the target (a steered array), else undefined. */
export function steeredFocus(state: PlannerStore): Vec3 | undefined {
  const focus = electronicFocus(state);
  return focus === state.target ? undefined : focus;
}

/** The selected spot's number (1-based, as the spot list shows it) when Sonicate steers the array there, else undefined. */
export function steeredSpotNumber(state: PlannerStore): number | undefined {
  if (steeredFocus(state) === undefined) return undefined;
  const index = state.spots.findIndex((s) => s.id === state.selectedSpotId);
  return index < 0 ? undefined : index + 1;
}

/** True when the free beams fire instead of the array (free-beam mode with at least one beam placed). */
export function usesFreeBeams(state: Pick<PlannerStore, 'freeBeamMode' | 'freeBeams'>): boolean {
  return state.freeBeamMode && state.freeBeams.length > 0;
}

/** The settings a beam trace depends on: what the sonication and the plan share. */
interface BeamInputs {
  target: Vec3;
  beamDirection: Vec3;
  transducer: SphericalArraySpec;
  aberrationCorrection: boolean;
  autoSwitchOff: boolean;
  noPass: NoPassRegion[];
  tissueOverrides: TissueOverrides;
  /** which sources fire: the free beams, or the array less the elements switched off by hand */
  sources: { freeBeams: Vec3[] } | { elementsOff: number[] };
}

/** Every setting a single sonication's results depend on (what `sonicateRequest` sends, less the probe points). */
export interface SonicationInputs extends BeamInputs {
  sonication: SonicationParams;
  /** the electronic focus when the array is steered to a selected spot, else undefined (the target) */
  focus: Vec3 | undefined;
}

/** Every setting a plan's results depend on (what `planRequest` sends, less the probe points). */
export interface PlanInputs extends BeamInputs {
  spots: PlanSpot[];
}

function beamInputs(s: PlannerStore): BeamInputs {
  return {
    target: s.target,
    beamDirection: s.beamDirection,
    transducer: s.transducer,
    aberrationCorrection: s.aberrationCorrection,
    autoSwitchOff: s.autoSwitchOff,
    noPass: s.noPass,
    tissueOverrides: s.tissueOverrides,
    sources: usesFreeBeams(s) ? { freeBeams: s.freeBeams } : { elementsOff: s.elementsOff },
  };
}

export function sonicationInputs(s: PlannerStore): SonicationInputs {
  return { ...beamInputs(s), sonication: s.sonication, focus: steeredFocus(s) };
}

export function planInputs(s: PlannerStore): PlanInputs {
  return { ...beamInputs(s), spots: s.spots };
}

/**
 * True when the last sonication's results were computed for other settings than those now in the plan (power,
 * target, tilt, transducer, elements, tissue values…): the card, the dashboard and the 3D heat then show an old run.
 * Compared by value, so an Undo back to the settings of the run makes it current again.
 */
export function sonicationStale(s: PlannerStore): boolean {
  return s.run.outcome !== undefined && s.run.inputs !== undefined && !sameData(s.run.inputs, sonicationInputs(s));
}

/** The settings a stale mark names, in the order a trainee changes them. */
const SETTING_WORDS: Record<keyof SonicationInputs | keyof PlanInputs, string> = {
  sonication: 'the power, duration or cooling',
  focus: 'where the beams focus (the selected spot)',
  spots: 'the spots',
  target: 'the target',
  beamDirection: 'the transducer’s position',
  transducer: 'the transducer',
  aberrationCorrection: 'the aberration correction',
  autoSwitchOff: 'the beam switch-off rule',
  noPass: 'the no-pass regions',
  tissueOverrides: 'the tissue values',
  sources: 'which elements fire',
};

/**
 * What differs between the settings a run was computed for and those now, in words ("the target", "the spots"):
 * a stale mark that says what changed is one a trainee can act on (a covering that selects a steered spot moves the
 * focus without a setting being typed).
 * @returns the changed settings, none when the run is current or its settings are not known
 */
export function changedSettings(s: PlannerStore, source: 'sonication' | 'plan'): string[] {
  const before = source === 'plan' ? s.planRun.inputs : s.run.inputs;
  if (before === undefined) return [];
  const now: Record<string, unknown> = source === 'plan' ? { ...planInputs(s) } : { ...sonicationInputs(s) };
  const was = before as unknown as Record<string, unknown>;
  return (Object.keys(SETTING_WORDS) as (keyof typeof SETTING_WORDS)[])
    .filter((key) => key in now && !sameData(was[key], now[key]))
    .map((key) => SETTING_WORDS[key]);
}

/** True when the last plan's results were computed for other settings or spots than those now in the plan. */
export function planStale(s: PlannerStore): boolean {
  return (
    s.planRun.outcome !== undefined && s.planRun.inputs !== undefined && !sameData(s.planRun.inputs, planInputs(s))
  );
}

export type RunSource = 'sonication' | 'plan';

/** Which run is shown (replayed, drawn in 3D, judged by the dashboard): the one asked for when it exists, else whichever exists. */
export function resolveSource(wanted: RunSource, hasSonication: boolean, hasPlan: boolean): RunSource | undefined {
  if (wanted === 'plan' && hasPlan) return 'plan';
  if (wanted === 'sonication' && hasSonication) return 'sonication';
  if (hasSonication) return 'sonication';
  if (hasPlan) return 'plan';
  return undefined;
}

/** The run the time views, the dashboard and the 3D heat show, or undefined before any run. */
export function shownSource(s: PlannerStore): RunSource | undefined {
  return resolveSource(s.playback.source, s.run.outcome !== undefined, s.planRun.outcome !== undefined);
}

/**
 * True when the shown results (the last sonication, or the last plan when that is what is replayed) were computed for
 * other settings than the current ones. The 3D view dims the heat on it; the results card, the safety dashboard
 * and the stale banner over the view say so in words.
 */
export function resultsStale(s: PlannerStore): boolean {
  const source = shownSource(s);
  if (source === 'sonication') return sonicationStale(s);
  if (source === 'plan') return planStale(s);
  return false;
}

/**
 * False when the loaded case has no lesion (the validation phantom): lesion coverage then reads "no lesion in this
 * case" and Cover the lesion is off. True while no case's parts are known.
 */
export function caseHasLesion(s: Pick<PlannerStore, 'parts'>): boolean {
  return s.parts.length === 0 || s.parts.some((p) => p.tissue === 'lesion');
}

/**
 * Why no run starts while fields show refused values (a run would use the last accepted ones, which the fields no
 * longer show), naming them; '' when none does. Sonicate's and Run plan's blocker alike.
 */
export function refusedInputsBlocker(s: Pick<PlannerStore, 'refusedInputs'>): string {
  if (s.refusedInputs.length === 0) return '';
  const fields = s.refusedInputs.map((r) => r.label).join(', ');
  const one = s.refusedInputs.length === 1;
  return `${one ? 'A value typed is' : 'Values typed are'} refused — ${fields}: correct ${one ? 'it' : 'them'}, or press Esc in the field to go back to the accepted value.`;
}

/**
 * Why Sonicate cannot run now, in words the user can act on; '' when it can. The button is disabled with this
 * reason beside it, and the controller refuses with it (a key press, a stale click) without touching the results.
 */
/**
 * Why the transducer cannot fire from where it is: part of it sits inside the body instead of the water bath (the
 * live estimate's trace counts its sources in tissue). Blocks Sonicate and Run plan, whose runs would radiate from
 * inside the tissue: a walk turned the ribcage's array into the chest and read "191 clear", then 1000 J and no heat.
 * @returns the reason with what to do, or ''
 */
export function transducerInBodyBlocker(s: Pick<PlannerStore, 'estimate' | 'transducer'>): string {
  const beams = s.estimate?.beams;
  const inside = beams?.inTissue ?? 0;
  if (!beams || inside === 0) return '';
  const of = s.transducer.elementCount === 1 ? 'of the bowl' : 'of the array';
  return `The transducer is inside the body: ${inside} of ${beams.statuses.length} sources ${of} sit in tissue, not in the water bath. Turn it back out (Tilt, Azimuth), aim nearer the skin, or choose a transducer with a longer focal length.`;
}

/** Whether the settings in the panels cannot run (a refused value, a transducer inside the body). */
export function settingsHeld(s: PlannerStore): boolean {
  return refusedInputsBlocker(s) !== '' || transducerInBodyBlocker(s) !== '';
}

export function sonicateBlocker(s: PlannerStore): string {
  if (s.caseStatus === 'loading') return 'The case is still loading.';
  if (s.caseStatus === 'error') return 'No case is loaded.';
  if (s.run.status === 'running') return 'A sonication is running.';
  if (s.planRun.status === 'running') return 'The plan is running.';
  const refused = refusedInputsBlocker(s);
  if (refused) return refused;
  const inBody = transducerInBodyBlocker(s);
  if (inBody) return inBody;
  const beams = s.estimate?.beams;
  if (beams && beams.activeCount === 0) {
    const total = beams.statuses.length;
    const byHand = !usesFreeBeams(s) && s.elementsOff.length >= s.transducer.elementCount;
    const why = byHand
      ? 'every element is switched off by hand'
      : s.autoSwitchOff
        ? `the automatic switch-off turned off all ${total} beams (each crosses gas, a critical structure or a no-pass region)`
        : 'every element is switched off';
    return `No element fires: ${why}. Switch elements back on, or move the target or the transducer.`;
  }
  return '';
}

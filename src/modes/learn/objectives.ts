import type { BeamStatus } from '../../geometry/beam-status.ts';
import { CRITICAL_TISSUES } from '../../physics/dose-report.ts';
import type { TissueId } from '../../physics/tissue-ids.ts';
import { type BeamTally, tallyBeams } from '../../state/beam-tally.ts';
import { resultsStale } from '../../state/selectors.ts';
import type { PlannerStore } from '../../state/store.ts';
import { ABLATION_DOSE } from '../../style/result-scales.ts';
import { type SafetyRow, STATUS_TEXT, safetyRows, undeliverableSonication } from '../../ui/safety.ts';
import { type ShownRun, shownRun } from '../../ui/shown-run.ts';
import type { Exercise, Objective, ObjectiveCheck } from './exercises.ts';

/** Above this the tissue boils and the model stops holding [°C] (engine/validity.ts judges the same). */
export const BOILING = 100;

/**
 * What an exercise is judged on: the run the app shows (sonication or plan, src/ui/shown-run.ts), the safety
 * dashboard's rows on it (src/ui/safety.ts), and the beams as the 3D view counts them (src/state/beam-tally.ts).
 */
export interface LearnView {
  /** the shown run, when it was made since the exercise started; undefined before */
  run: ShownRun | undefined;
  /** the run was computed for other settings than the current ones: it is not judged */
  stale: boolean;
  rows: SafetyRow[];
  /** the current beams (undefined until the live estimate has answered) */
  tally: BeamTally | undefined;
  /** spots of the shown plan (0 for a sonication) */
  planSpots: number;
  /** the whole run's energy [J]: the sonication's, or the sum over the plan's spots */
  totalEnergy: number;
  /** the tissue at the run's hottest voxel, and how far that voxel lay from the target [m] */
  hottest: { tissue: TissueId | undefined; distance: number | undefined };
  /** the plan's spots that did not fire as asked, with their reasons */
  spotProblems: string[];
}

/** The outcomes an exercise started from: runs older than these are not the trainee's answer. */
export interface RunBaseline {
  run: unknown;
  plan: unknown;
}

/** The learn mode's view of the planner's state (pure: the panel and the tests call it on a store's state). */
export function learnView(s: PlannerStore, baseline: RunBaseline = { run: undefined, plan: undefined }): LearnView {
  const sonication = s.run.outcome !== baseline.run ? s.run.outcome : undefined;
  const plan = s.planRun.outcome !== baseline.plan ? s.planRun.outcome : undefined;
  const run = shownRun(sonication, plan, s.playback.source);
  const planOutcome = run?.source === 'plan' ? plan : undefined;
  const sonicationSummary = run?.source === 'sonication' ? sonication?.summary : undefined;
  return {
    run,
    stale: run !== undefined && resultsStale(s),
    // As the dashboard judges it: a sonication whose firing beams crossed gas was not delivered, and passes nothing.
    rows: safetyRows(
      run,
      s.safetyThresholds,
      run?.source === 'sonication' && sonication?.summary.blockedBeams
        ? undeliverableSonication(sonication.summary.blockedBeams)
        : undefined,
    ),
    tally: s.estimate ? tallyBeams(s.estimate.beams) : undefined,
    planSpots: planOutcome?.spots.length ?? 0,
    totalEnergy: planOutcome
      ? planOutcome.spots.reduce((sum, spot) => sum + spot.summary.energy, 0)
      : (sonicationSummary?.energy ?? 0),
    hottest: {
      // The hottest voxel's own tissue, not the path peak's (a walk read "in muscle" here, "in cortical bone" on the card).
      tissue: sonicationSummary?.atTarget?.peakTemperatureTissue,
      distance: sonicationSummary?.atTarget?.peakTemperatureDistance,
    },
    spotProblems: (planOutcome?.spots ?? [])
      .filter((spot) => spot.status !== 'valid')
      .map(
        (spot, i) =>
          `spot ${i + 1} ${spot.status === 'blocked' ? 'was blocked' : 'fired with a warning'}: ${spot.reasons.join('; ')}`,
      ),
  };
}

export interface ObjectiveResult {
  objective: Objective;
  /** undefined: not judged (no run yet, or the run is for earlier settings) */
  met: boolean | undefined;
  /** the measured value in words ('' when not judged) */
  value: string;
}

const percent = (f: number) => `${(100 * f).toFixed(f < 0.1 ? 1 : 0)} %`;

function lesionMaxDose(run: ShownRun): number {
  return run.doses.tissueDose.find((d) => d.tissue === 'lesion')?.maxDose ?? 0;
}

function doseText(dose: number): string {
  if (dose < 1000) return `${Number(dose.toPrecision(3))} CEM43`;
  const [mantissa, exponent] = dose.toExponential(1).split('e+');
  const superscript = [...(exponent ?? '')].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(d)]).join('');
  return `${mantissa}·10${superscript} CEM43`;
}

function judge(check: ObjectiveCheck, view: LearnView, run: ShownRun): { met: boolean; value: string } {
  switch (check.kind) {
    case 'coverage': {
      const c = run.doses.lesionCoverage;
      return { met: c >= check.atLeast, value: `${percent(c)} of the lesion ablated` };
    }
    case 'lesion-ablated': {
      const d = lesionMaxDose(run);
      return { met: d >= ABLATION_DOSE, value: `lesion at most ${doseText(d)}` };
    }
    case 'safety': {
      const row = view.rows.find((r) => r.id === check.row);
      if (!row || row.value === undefined) return { met: false, value: 'no value in this run' };
      const unit = row.key === 'criticalMaxDose' ? ' CEM43' : row.key === 'maxEnergyPerSonication' ? ' J' : ' °C';
      const shown = row.key === 'criticalMaxDose' ? doseText(row.value) : `${row.value.toFixed(1)}${unit}`;
      return { met: row.status !== 'fail', value: `${shown} (${STATUS_TEXT[row.status].text.toLowerCase()})` };
    }
    case 'energy':
      return {
        met: view.totalEnergy > 0 && view.totalEnergy <= check.atMost,
        value: `${Math.round(view.totalEnergy)} J`,
      };
    case 'no-beams': {
      const n = view.tally?.counts[check.status as BeamStatus] ?? 0;
      return { met: view.tally !== undefined && n === 0, value: `${n} firing beam${n === 1 ? '' : 's'}` };
    }
    case 'plan-spots':
      return {
        met: view.planSpots >= check.atLeast,
        value: `${view.planSpots} spot${view.planSpots === 1 ? '' : 's'} run`,
      };
    case 'no-boiling':
      return { met: run.peakTemperature < BOILING, value: `peak ${run.peakTemperature.toFixed(1)} °C` };
  }
}

/** Each objective of the exercise judged on the view: met, not met, or not judged (no fresh run, or stale). */
export function evaluate(exercise: Exercise, view: LearnView): ObjectiveResult[] {
  return exercise.objectives.map((objective) => {
    if (!view.run || view.stale) return { objective, met: undefined, value: '' };
    return { objective, ...judge(objective.check, view, view.run) };
  });
}

/** The critical tissues a run reached, by name (for feedback). */
export function criticalTissuesIn(run: ShownRun): TissueId[] {
  return run.doses.tissueDose
    .filter((d) => d.voxels > 0 && CRITICAL_TISSUES.includes(d.tissue as TissueId))
    .map((d) => d.tissue as TissueId);
}

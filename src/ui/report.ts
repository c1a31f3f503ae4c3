import { TISSUES } from '../physics/tissues.ts';
import { radiatingAreaOf } from '../physics/transducer.ts';
import type { SafetyThresholds } from '../state/planning.ts';
import { planStale, resultsStale, sonicationStale } from '../state/selectors.ts';
import type { PlannerStore } from '../state/store.ts';
import { aimedPoint } from './aimed-point.ts';
import { BASELINE_TEMPERATURE } from './colour-scales.ts';
import { driveOfPower } from './drive.ts';
import { DISPLAY, formatDose, formatQuantity } from './format.ts';
import { describeSide, formatPointMm, planTotals, presetOf } from './plan-helpers.ts';
import { coverageText, planVerdict } from './plan-verdict.ts';
import { criticalJudgement, type SafetyRow, STATUS_TEXT, safetyRows, safetyValueText } from './safety.ts';
import type { ShownRun } from './shown-run.ts';
import { describeOverrides } from './tissue-fields.ts';

/**
 * What the printable report says (issue 11, item 5), as pure functions of the store and the shown run, so the words
 * and numbers are tested in Node (tests/ui/report.test.ts) and PlanReport.tsx only lays them out.
 */

/** A labelled line of the report; `si` is the value behind it where there is one (for checks). */
export interface ReportLine {
  key: string;
  label: string;
  text: string;
  si?: number | undefined;
}

const q = (v: number | undefined, d: { unit: string; scale: number }, digits = 3) =>
  formatQuantity(v, d.unit, d.scale, digits);
const mm = (v: number) => formatQuantity(v, 'mm', 1e3);

/** The setup: case, transducer and how it fires, pose, sonication, regions, probes, tissue values. */
export function reportSetup(s: PlannerStore, caseTitle: string): ReportLine[] {
  const t = s.transducer;
  const preset = presetOf(t);
  const presetName =
    preset === 'clinicalBodyArray'
      ? 'clinical body array'
      : preset === 'singleElementBowl'
        ? 'research bowl'
        : 'custom';
  const water = { ...TISSUES.water, ...s.tissueOverrides.water };
  const drive = driveOfPower(s.sonication.acousticPower, {
    area: radiatingAreaOf(t),
    impedance: water.density * water.speedOfSound,
  });
  const free = s.freeBeamMode && s.freeBeams.length > 0;
  const total = free ? s.freeBeams.length : t.elementCount;
  const byHand = free ? 0 : s.elementsOff.length;
  // The live estimate knows what fires after the automatic rule; before it answers, the hand switches alone.
  const active = s.estimate?.beams.activeCount ?? total - byHand;
  const byRule = Math.max(0, total - byHand - active);
  const off = [byHand > 0 && `${byHand} off by hand`, byRule > 0 && `${byRule} off by the automatic rule`].filter(
    Boolean,
  );
  const firing = `${active} of ${total} ${free ? 'free beams placed by hand' : 'elements'} fire${off.length > 0 ? ` (${off.join(', ')})` : ''}`;
  const overrides = describeOverrides(s.tissueOverrides);
  return [
    { key: 'case', label: 'Case', text: caseTitle },
    {
      key: 'transducer',
      label: 'Transducer',
      text: `${presetName}: ${t.elementCount} elements of ${mm(t.elementDiameter)}, ${q(t.frequency, DISPLAY.frequency)}, focal length ${mm(t.radiusOfCurvature)}, aperture ${mm(t.aperture)}, central opening ${mm(t.centralHoleDiameter)}`,
    },
    {
      key: 'beams',
      label: 'Beams',
      text: `${firing}; automatic switch-off ${s.autoSwitchOff ? 'on' : 'off'}; aberration correction ${s.aberrationCorrection ? 'on' : 'off'}`,
    },
    { key: 'target', label: 'Target', text: formatPointMm(s.target) },
    {
      key: 'side',
      label: 'Transducer side',
      text: describeSide(s.beamDirection, s.caseInfo.axisWords),
    },
    {
      key: 'sonication',
      label: 'Sonication',
      text: `${q(s.sonication.acousticPower, DISPLAY.power)} (surface pressure ${q(drive.pressure, DISPLAY.pressure)}) for ${q(s.sonication.duration, DISPLAY.time)}, then ${q(s.sonication.cooling, DISPLAY.time)} cooling; ${q(s.sonication.acousticPower * s.sonication.duration, DISPLAY.energy)}`,
    },
    {
      key: 'no-pass',
      label: 'No-pass regions',
      text:
        s.noPass.length === 0
          ? 'none'
          : s.noPass
              .map(
                (r) =>
                  `${r.kind} ${r.kind === 'sphere' ? 'radius' : 'half-side'} ${mm(r.size)} at ${formatPointMm(r.centre)}`,
              )
              .join('; '),
    },
    {
      key: 'probes',
      label: 'Probes',
      text: s.probes.length === 0 ? 'none' : s.probes.map((p) => `${p.label} ${formatPointMm(p.point)}`).join('; '),
    },
    {
      key: 'tissues',
      label: 'Tissue values',
      text: overrides.length === 0 ? 'the built-in table' : `changed: ${overrides.join('; ')}`,
    },
  ];
}

/** One spot of the plan as the report lists it, with its status when the last plan run is current. */
export interface ReportSpot {
  n: number;
  focus: string;
  power: string;
  duration: string;
  cooling: string;
  status: string;
}

export function reportSpots(s: PlannerStore): ReportSpot[] {
  const outcome = planStale(s) ? undefined : s.planRun.outcome;
  return s.spots.map((spot, i) => {
    const o = outcome?.spots.find((x) => x.id === spot.id);
    return {
      n: i + 1,
      focus: formatPointMm(spot.focus),
      power: q(spot.acousticPower, DISPLAY.power),
      duration: q(spot.duration, DISPLAY.time),
      cooling: q(spot.cooling, DISPLAY.time),
      status: o ? `${o.status}${o.summary ? `, ${q(o.summary.peakTemperature, DISPLAY.temperature)}` : ''}` : '',
    };
  });
}

/** The plan's totals in words. */
export function reportTotals(s: PlannerStore): string {
  const t = planTotals(s.spots);
  return s.spots.length === 0
    ? 'No spots: the report shows the sonication at the target.'
    : `${s.spots.length} spots · ${q(t.energy, DISPLAY.energy)} in all · ${q(t.heating, DISPLAY.time)} heating · ${q(t.time, DISPLAY.time)} with cooling`;
}

function maxOf(values: ArrayLike<number>): number | undefined {
  let best: number | undefined;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (Number.isFinite(v) && (best === undefined || v > best)) best = v;
  }
  return best;
}

/** The figures of the shown run, with units, and whether they are for the current settings. */
export function reportFigures(
  s: PlannerStore,
  run: ShownRun | undefined,
): { title: string; stale: boolean; lines: ReportLine[] } {
  if (!run) return { title: 'No run yet: Sonicate or Run plan for figures.', stale: false, lines: [] };
  const stale = resultsStale(s);
  const hasLesion = s.parts.length === 0 || s.parts.some((p) => p.tissue === 'lesion');
  if (run.source === 'plan' && s.planRun.outcome) {
    const o = s.planRun.outcome;
    const lesion = o.doses.tissueDose.find((t) => t.tissue === 'lesion');
    const critical = criticalJudgement({ doses: o.doses, time: o.time, fieldModel: o.spots[0]?.summary.fieldModel });
    const energy = o.spots.reduce((sum, spot) => sum + (spot.summary?.energy ?? 0), 0);
    const verdict = planVerdict(o, safetyRows(run, s.safetyThresholds));
    return {
      title: `Plan of ${o.spots.length} spots`,
      stale,
      lines: [
        { key: 'verdict', label: 'Verdict', text: [verdict.headline, ...verdict.details].join(' ') },
        {
          key: 'coverage',
          label: 'Lesion coverage (≥ 240 CEM43)',
          text: hasLesion ? coverageText(o.doses.lesionCoverage, verdict) : 'no lesion in this case',
          si: o.doses.lesionCoverage,
        },
        {
          key: 'ablated',
          label: 'Lesion ablated',
          text: q(lesion?.ablatedVolume, DISPLAY.volume),
          si: lesion?.ablatedVolume,
        },
        // The plan's peaks as its results panel (SpotList.tsx) and `npm run simulate` give them: the hottest point
        // of the recorded history, the largest dose of the region.
        {
          key: 'peak-temperature',
          label: 'Peak temperature',
          text: q(maxOf(o.peakTemperature), DISPLAY.temperature),
          si: maxOf(o.peakTemperature),
        },
        { key: 'peak-dose', label: 'Peak thermal dose', text: formatDose(maxOf(o.dose)).text, si: maxOf(o.dose) },
        {
          key: 'critical-dose',
          label: 'Critical structures, peak dose',
          text: critical.value === undefined ? 'no value' : formatDose(critical.value).text,
          si: critical.value,
        },
        { key: 'energy', label: 'Energy delivered', text: q(energy, DISPLAY.energy), si: energy },
      ],
    };
  }
  const o = s.run.outcome;
  const m = o?.summary;
  const aim = aimedPoint(s.run.inputs?.focus);
  return {
    title: `Sonication at ${aim}`,
    stale: sonicationStale(s),
    lines: m
      ? [
          {
            key: 'target-temperature',
            label: `Temperature at ${aim}`,
            text: q(m.atTarget?.temperature, DISPLAY.temperature),
            si: m.atTarget?.temperature,
          },
          {
            key: 'peak-pressure',
            label: 'Peak pressure',
            text: q(m.peakPressure, DISPLAY.pressure),
            si: m.peakPressure,
          },
          {
            key: 'intensity',
            label: 'Intensity (spatial peak)',
            text: q(m.focalIntensity, DISPLAY.intensity),
            si: m.focalIntensity,
          },
          {
            key: 'peak-temperature',
            label: 'Peak temperature',
            text: q(m.peakTemperature, DISPLAY.temperature),
            si: m.peakTemperature,
          },
          {
            key: 'rise',
            label: `Rise above ${BASELINE_TEMPERATURE} °C`,
            text: formatQuantity(m.peakTemperature - BASELINE_TEMPERATURE, 'K'),
          },
          { key: 'thermal-dose', label: 'Thermal dose (peak)', text: formatDose(m.peakDose).text, si: m.peakDose },
          {
            key: 'ablation-volume',
            label: 'Ablation zone (≥ 240 CEM43)',
            text: q(m.ablationVolume, DISPLAY.volume),
            si: m.ablationVolume,
          },
          {
            key: 'coverage',
            label: 'Lesion coverage',
            text: hasLesion ? formatQuantity((m.lesionCoverage ?? Number.NaN) * 100, '%') : 'no lesion in this case',
            si: m.lesionCoverage,
          },
          { key: 'energy', label: 'Energy delivered', text: q(m.energy, DISPLAY.energy), si: m.energy },
        ]
      : [],
  };
}

/** A row of the report's safety table: the dashboard's check, its value and limit in units, its light, its source. */
export interface ReportSafetyRow {
  id: SafetyRow['id'];
  label: string;
  value: string;
  limit: string;
  status: SafetyRow['status'];
  /** the light in words (never colour alone) */
  result: string;
  /** where the limit comes from */
  source: string;
}

/** The safety dashboard of the shown run against the plan's limits, as the report prints it. */
export function reportSafety(
  run: ShownRun | undefined,
  thresholds: SafetyThresholds,
  undeliverable?: string,
): ReportSafetyRow[] {
  return safetyRows(run, thresholds, undeliverable).map((r) => ({
    id: r.id,
    label: r.label,
    value: safetyValueText(r, r.value),
    limit: safetyValueText(r, r.limit),
    status: r.status,
    result: `${STATUS_TEXT[r.status].icon} ${STATUS_TEXT[r.status].text}`,
    source: r.source,
  }));
}

/** A line of the temperature plot. */
export interface CurveLine {
  label: string;
  /** SVG path data in the plot box */
  d: string;
  dashed: boolean;
}

export interface Curve {
  lines: CurveLine[];
  /** [s] */
  tMax: number;
  /** [°C] */
  yMin: number;
  yMax: number;
  xTicks: { at: number; label: string }[];
  yTicks: { at: number; label: string }[];
}

/** Round steps for ticks: 1, 2 or 5 × 10ⁿ, about `count` of them over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const f = raw / p;
  return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * p;
}

/**
 * The temperature against time of the shown run: the hottest point of the region (a sonication's hottest voxel, a
 * plan's hottest at each moment) and, when recorded, the focus. Paths are in a `width` × `height` box, y down.
 */
export function temperatureCurve(
  s: PlannerStore,
  run: ShownRun | undefined,
  width: number,
  height: number,
): Curve | undefined {
  if (!run) return undefined;
  const source: { time: ArrayLike<number>; values: ArrayLike<number>; label: string; dashed: boolean }[] = [];
  if (run.source === 'plan' && s.planRun.outcome) {
    source.push({
      time: s.planRun.outcome.time,
      values: s.planRun.outcome.peakTemperature,
      label: 'hottest point',
      dashed: false,
    });
  } else if (s.run.outcome) {
    source.push({
      time: s.run.outcome.time,
      values: s.run.outcome.hottestTemperature,
      label: 'hottest point',
      dashed: false,
    });
  }
  const series = run.series;
  if (series && series.time.length > 1) {
    source.push({
      time: series.time,
      values: series.temperature.subarray(0, series.time.length),
      label: 'at the focus',
      dashed: true,
    });
  }
  const usable = source.filter((c) => c.time.length > 1);
  if (usable.length === 0) return undefined;
  let tMax = 0;
  let yMax = BASELINE_TEMPERATURE + 1;
  for (const c of usable) {
    tMax = Math.max(tMax, c.time[c.time.length - 1] as number);
    yMax = Math.max(yMax, maxOf(c.values) ?? yMax);
  }
  const yMin = BASELINE_TEMPERATURE;
  // Ticks from body temperature up in round steps, the top of the axis on the last one (so it is labelled).
  const yStep = niceStep(yMax - yMin, 4);
  yMax = yMin + Math.ceil((yMax - yMin) / yStep - 1e-9) * yStep;
  const x = (t: number) => (tMax > 0 ? (t / tMax) * width : 0);
  const y = (v: number) => height - ((v - yMin) / (yMax - yMin)) * height;
  const lines = usable.map((c) => {
    const parts: string[] = [];
    // At most ~400 points: a print needs no more, and a long plan records thousands of steps.
    const stride = Math.max(1, Math.ceil(c.time.length / 400));
    for (let i = 0; i < c.time.length; i += stride) {
      const v = c.values[i] as number;
      if (!Number.isFinite(v)) continue;
      parts.push(`${parts.length === 0 ? 'M' : 'L'}${x(c.time[i] as number).toFixed(1)},${y(v).toFixed(1)}`);
    }
    return { label: c.label, d: parts.join(' '), dashed: c.dashed };
  });
  const xStep = niceStep(tMax, 5);
  const xTicks = [];
  for (let t = 0; t <= tMax + 1e-9; t += xStep) xTicks.push({ at: x(t), label: `${Number(t.toPrecision(3))}` });
  const yTicks = [];
  for (let v = yMin; v <= yMax + 1e-9; v += yStep) yTicks.push({ at: y(v), label: `${Number(v.toPrecision(3))}` });
  return { lines, tMax, yMin, yMax, xTicks, yTicks };
}

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { CLINICAL_POWER } from '../../ui/PowerToAim.tsx';
import { ModeMenu } from '../ModeMenu.tsx';
import { useReducedMotion } from '../patient/useReducedMotion.ts';
import { useStepAddress } from '../useStepAddress.ts';
import { LECTURE_NOTE, LECTURE_STEPS } from './content.ts';
import { decodeFrames, type HeatFrame, isLectureHeat, type LectureHeat } from './heat-format.ts';
import { LectureScene } from './picture/LectureScene.tsx';
import { isLecturePlan, type LecturePlan } from './plan-format.ts';
import './lecture.css';

/** The step a key turns to from `index` (clickers send PageDown/PageUp), or undefined when it is not a step key. */
export function stepForKey(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ' || key === 'ArrowDown') return index + 1;
  if (key === 'ArrowLeft' || key === 'PageUp' || key === 'ArrowUp' || key === 'Backspace') return index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

type HeatLoad =
  | { status: 'loading' }
  | { status: 'ready'; heat: LectureHeat; frames: HeatFrame[] }
  | { status: 'failed' };

/** Loads the precomputed run once (public/lecture/femur-heat.json): a small static file, no computation. */
function useLectureHeat(url: string): HeatLoad {
  const [load, setLoad] = useState<HeatLoad>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .then((json) => {
        if (!isLectureHeat(json)) throw new Error('not a lecture heat file');
        if (live) setLoad({ status: 'ready', heat: json, frames: decodeFrames(json) });
      })
      .catch(() => {
        if (live) setLoad({ status: 'failed' });
      });
    return () => {
      live = false;
    };
  }, [url]);
  return load;
}

/** Loads the precomputed plan once (public/lecture/femur-plan.json); null while it loads or when it failed. */
function useLecturePlan(url: string): LecturePlan | null {
  const [plan, setPlan] = useState<LecturePlan | null>(null);
  useEffect(() => {
    let live = true;
    fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<unknown>) : null))
      .then((json) => {
        if (live && isLecturePlan(json)) setPlan(json);
      })
      // Without it the spots step falls back to its illustration, and says so.
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [url]);
  return plan;
}

/** The hottest point's temperature at `time` [s], from the engine's curve (the last sample at or before it). */
function hottestAt(heat: LectureHeat, time: number): number {
  let value = heat.curve.temperature[0] ?? 37;
  heat.curve.time.forEach((t, i) => {
    if (t <= time + 1e-6) value = heat.curve.temperature[i] ?? value;
  });
  return value;
}

const count = LECTURE_STEPS.length;
/** The steps' ids, as the address's fragment names them. */
const STEP_IDS = LECTURE_STEPS.map((s) => s.id);
const f3 = (v: number) => Number(v.toPrecision(3)).toString();

export interface LectureModeProps {
  /** the bundled femur's GLB address */
  caseUrl: string | undefined;
  /** the precomputed run's address */
  heatUrl: string;
  /** the precomputed plan's address (default: femur-plan.json beside the run) */
  planUrl?: string;
}

/**
 * The lecture mode (issue 13): a full-screen, dark, large-type storyline for an educator in front of a room, one
 * idea per step, driven by the arrow keys, PageDown/PageUp (a clicker), Space and the on-screen buttons; F or the
 * button toggles full screen. The heat, dose and spots steps play the engine's own precomputed result.
 */
export function LectureMode({
  caseUrl,
  heatUrl,
  planUrl = heatUrl.replace(/[^/]*$/, 'femur-plan.json'),
}: LectureModeProps) {
  const { index, current, go } = useStepAddress(STEP_IDS);
  const [fullscreen, setFullscreen] = useState(false);
  const [time, setTime] = useState<number | null>(null);
  const reducedMotion = useReducedMotion();
  const heatLoad = useLectureHeat(heatUrl);
  const plan = useLecturePlan(planUrl);
  const [spot, setSpot] = useState<number | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLElement>(null);
  const step = LECTURE_STEPS[index] ?? LECTURE_STEPS[0];
  const canFullscreen = typeof document !== 'undefined' && document.fullscreenEnabled === true;

  const toggleFullscreen = useCallback(() => {
    if (!document.fullscreenEnabled) return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void rootRef.current?.requestFullscreen().catch(() => {});
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  useEffect(() => {
    document.title = `${step?.title ?? ''} — Lecture — FUS Planner`;
    // On a small phone the words may scroll: each step starts at its title.
    textRef.current?.scrollTo?.({ top: 0 });
  }, [step]);

  // Listening from the commit that shows the step, not after the paint: a key pressed as the page appears (a reload,
  // a Back) was otherwise lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, select, [contenteditable="true"]')) return;
      // Space and Enter on a focused button or link do what that control does.
      if ((e.key === ' ' || e.key === 'Enter') && el?.closest('button, a')) return;
      if ((e.key === 'f' || e.key === 'F') && !e.shiftKey) {
        e.preventDefault();
        toggleFullscreen();
        return;
      }
      const to = stepForKey(e.shiftKey && e.key === ' ' ? 'PageUp' : e.key, current.current, count);
      if (to === undefined) return;
      e.preventDefault();
      go(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, go, toggleFullscreen]);

  if (!step) return null;
  const heat = heatLoad.status === 'ready' ? heatLoad.heat : null;
  const frames = heatLoad.status === 'ready' ? heatLoad.frames : null;
  const atEnd = index === count - 1;

  return (
    <div className="lecture" ref={rootRef}>
      <header className="lecture-header">
        <p className="lecture-brand">
          FUS Planner <span className="lecture-brand-part">· lecture</span>
        </p>
        <ModeMenu current="lecture" className="lecture-modes" />
        {canFullscreen ? (
          <button type="button" className="lecture-fullscreen" onClick={toggleFullscreen} aria-pressed={fullscreen}>
            {fullscreen ? 'Exit full screen' : 'Full screen'} <kbd>F</kbd>
          </button>
        ) : null}
      </header>

      <main className="lecture-main">
        <figure className="lecture-view">
          <div className="lecture-canvas-box" role="img" aria-label={step.picture}>
            <LectureScene
              caseUrl={caseUrl}
              stage={step.stage}
              reducedMotion={reducedMotion}
              heat={heat}
              frames={frames}
              spots={plan ? plan.spots.map((p) => p.focus) : (heat?.plan.spots ?? [])}
              plan={plan}
              onTime={setTime}
              onSpot={setSpot}
            />
          </div>
          <figcaption className="lecture-caption">
            <Caption
              stage={step.stage}
              heat={heat}
              plan={plan}
              time={time}
              spot={spot}
              failed={heatLoad.status === 'failed'}
            />
          </figcaption>
        </figure>

        <article className="lecture-text" ref={textRef} aria-labelledby="lecture-title">
          <p className="lecture-count">
            Step {index + 1} of {count}
          </p>
          <h1 id="lecture-title">{step.title}</h1>
          <p className="lecture-body">{step.body}</p>
          {step.source ? <p className="lecture-source">{step.source}</p> : null}
        </article>
      </main>

      <nav className="lecture-nav" aria-label="Lecture steps">
        <button type="button" className="lecture-button" disabled={index === 0} onClick={() => go(index - 1)}>
          <span aria-hidden="true">← </span>Back
        </button>
        <div className="lecture-progress">
          <div
            className="lecture-progress-bar"
            role="progressbar"
            aria-label="Progress through the lecture"
            aria-valuemin={1}
            aria-valuemax={count}
            aria-valuenow={index + 1}
            aria-valuetext={`Step ${index + 1} of ${count}`}
          >
            <div className="lecture-progress-fill" style={{ width: `${((index + 1) / count) * 100}%` }} />
          </div>
          <p className="lecture-note">{LECTURE_NOTE}</p>
        </div>
        <button type="button" className="lecture-button lecture-next" onClick={() => go(atEnd ? 0 : index + 1)}>
          {atEnd ? (
            'Start again'
          ) : (
            <>
              Next<span aria-hidden="true"> →</span>
            </>
          )}
        </button>
        <p className="lecture-live" aria-live="polite">
          Step {index + 1} of {count}: {step.title}
        </p>
      </nav>
    </div>
  );
}

/** Under the view: what it shows, with the engine's numbers in the heat, dose and spots steps. */
function Caption({
  stage,
  heat,
  plan,
  time,
  spot,
  failed,
}: {
  stage: string;
  heat: LectureHeat | null;
  plan: LecturePlan | null;
  time: number | null;
  spot: number | null;
  failed: boolean;
}) {
  const computed = stage === 'heat' || stage === 'dose' || stage === 'spots' || stage === 'relief';
  // The planner's case; the lecture draws it with the transducer under the thigh, as its story tells.
  // The first picture has no transducer yet: its caption does not speak of one (a walk looked for it).
  if (stage === 'lesion') return <>The bundled femur case of the planner: the thigh, the femur and its lesion.</>;
  if (!computed)
    return (
      <>
        The bundled femur case of the planner, its transducer drawn under the thigh for the picture (the planner’s own
        opens in front of the thigh, tilted toward its outer side).
      </>
    );
  if (!heat) return <>{failed ? 'The simulated result could not be loaded.' : 'Loading the simulated result…'}</>;
  const run = `${f3(heat.acousticPower)} W for ${f3(heat.duration)} s`;
  if (stage === 'heat') {
    const t = time ?? heat.duration;
    return (
      <>
        Simulated by the app’s engine ({run}): <strong>t = {Math.round(t)} s</strong>
        {t > heat.duration + 0.5 ? ' (cooling after the sonication)' : ''}, hottest point{' '}
        <strong>{hottestAt(heat, t).toFixed(1)} °C</strong> (peak {heat.peakTemperature.toFixed(1)} °C). Surfaces at 45,
        55 and 65 °C.
      </>
    );
  }
  if (stage === 'dose') {
    return (
      <>
        Simulated ({run}, then {f3(heat.cooling)} s cooling): the ablation zone, thermal dose ≥ 240 CEM43 min
        {time !== null ? `, drawn at t = ${Math.round(time)} s` : ''}; at the end of the run (t ={' '}
        {Math.round(heat.duration + heat.cooling)} s) it is <strong>{f3(heat.ablatedVolume * 1e6)} mL</strong>.
      </>
    );
  }
  if (plan && stage === 'relief') {
    // The picture shows the treated spots after the session: say what it shows, not the last spot's numbers.
    return (
      <>
        The simulated plan’s {plan.spots.length} treated spots over the lesion: at its end{' '}
        <strong>{Math.round(100 * plan.lesionCoverage)} %</strong> of the lesion is ablated (≥ 240 CEM43). The relief is
        credited mostly to the heat at the bone’s surface ablating its nerves (periosteal denervation), not to
        destroying the whole tumour.
      </>
    );
  }
  if (plan) return <PlanCaption plan={plan} spot={stage === 'spots' ? spot : null} />;
  return (
    <>
      Illustration of coverage: the one simulated zone placed at each of the bundled plan’s {heat.plan.spots.length}{' '}
      spots, not a simulated plan.
    </>
  );
}

/**
 * The simulated plan in numbers: what ran (each spot's power set so that none boils), and the lesion's share ablated
 * after the spot shown (or at the end) with that spot's power and peak.
 */
function PlanCaption({ plan, spot }: { plan: LecturePlan; spot: number | null }) {
  const n = plan.spots.length;
  const at = spot ?? n - 1;
  const shown = plan.spots[at];
  const coverage = shown?.coverage ?? plan.lesionCoverage;
  const powers = plan.spots.map((s) => s.acousticPower);
  const hottest = Math.max(...plan.spots.map((s) => s.peakTemperature));
  return (
    <>
      Simulated plan: {n} spots by the planner, {f3(plan.duration)} s each, {f3(plan.cooling)} s cooling, powers set
      spot by spot so none boils ({f3(Math.min(...powers))}–{f3(Math.max(...powers))} W; the clinic’s{' '}
      {CLINICAL_POWER.min}–{CLINICAL_POWER.max} W would boil spots aimed onto bone and overheat the skin): hottest spot{' '}
      {hottest.toFixed(0)} °C. After spot{' '}
      <strong>
        {at + 1} of {n}
      </strong>
      : <strong>{Math.round(100 * coverage)} %</strong> of the lesion ablated (≥ 240 CEM43)
      {shown ? ` — this spot ${f3(shown.acousticPower)} W, peak ${shown.peakTemperature.toFixed(0)} °C` : ''}.
    </>
  );
}

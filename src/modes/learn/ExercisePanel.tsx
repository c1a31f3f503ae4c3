import { type CSSProperties, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { usePlannerController } from '../../app/controller-context.ts';
import { browserKeyValue, type KeyValueStore } from '../../app/key-value.ts';
import { usePlanner, usePlannerStoreApi } from '../../state/hooks.ts';
import { EXERCISES, type Exercise } from './exercises.ts';
import { evaluate, learnView, type RunBaseline } from './objectives.ts';
import {
  EMPTY_PROGRESS,
  type LearnProgress,
  loadProgress,
  recordResult,
  resetProgress,
  saveProgress,
  withCurrent,
} from './progress.ts';
import { complete, feedback, SCORE_RULE, score } from './scoring.ts';
import { applyStart } from './start.ts';
import './learn.css';

const MARK = {
  true: { icon: '✓', text: 'met' },
  false: { icon: '✕', text: 'not met' },
  none: { icon: '–', text: 'not judged yet' },
};

/**
 * The learn mode's exercise panel, beside the planner (LearnMode.tsx): the list of exercises with the trainee's best
 * scores, the active one's brief, its objectives ticked on each run, the score, feedback in physical terms, hints one
 * at a time, and the next exercise. Docked over the case panel's column so neither the 3D view's target nor the
 * Sonicate bar is covered; it can be folded away to reach the case panel.
 */
export function ExercisePanel({ kv }: { kv?: KeyValueStore } = {}) {
  const store = usePlannerStoreApi();
  const controller = usePlannerController();
  const state = usePlanner((s) => s);
  const progressStore = useMemo(() => kv ?? browserKeyValue('fus-learn', 'progress'), [kv]);
  const [progress, setProgress] = useState<LearnProgress>(EMPTY_PROGRESS);
  const [loaded, setLoaded] = useState(false);
  const [activeId, setActiveId] = useState<string>(EXERCISES[0]?.id ?? '');
  const [started, setStarted] = useState<string | undefined>();
  const [starting, setStarting] = useState(false);
  const [baseline, setBaseline] = useState<RunBaseline>({ run: undefined, plan: undefined });
  const [hints, setHints] = useState(0);
  const [open, setOpen] = useState(true);
  const [confirmReset, setConfirmReset] = useState(false);
  const recorded = useRef<unknown>(undefined);
  const [top, setTop] = useState<number>();

  // The panel starts below the planner's header, whose height changes with the window's width.
  useEffect(() => {
    const measure = () => setTop(document.querySelector('.app-header')?.getBoundingClientRect().bottom);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const exercise: Exercise = EXERCISES.find((e) => e.id === activeId) ?? (EXERCISES[0] as Exercise);
  const judged = started === exercise.id;

  useEffect(() => {
    let live = true;
    void loadProgress(progressStore).then((p) => {
      if (!live) return;
      setProgress(p);
      if (p.current && EXERCISES.some((e) => e.id === p.current)) setActiveId(p.current);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [progressStore]);

  const keep = useCallback(
    (next: LearnProgress) => {
      setProgress(next);
      void saveProgress(progressStore, next);
    },
    [progressStore],
  );

  const view = useMemo(
    () => learnView(state, judged ? baseline : { run: state.run.outcome, plan: state.planRun.outcome }),
    [state, judged, baseline],
  );
  const results = useMemo(() => evaluate(exercise, view), [exercise, view]);
  const points = score(results);
  const done = complete(results, view.rows);
  const lines = useMemo(() => feedback(view, results), [view, results]);

  // Each fresh, current run is recorded once: best score and completed mark kept in the browser.
  const outcome = view.run ? (view.run.source === 'plan' ? state.planRun.outcome : state.run.outcome) : undefined;
  useEffect(() => {
    if (!judged || !loaded || !outcome || view.stale || recorded.current === outcome) return;
    recorded.current = outcome;
    keep(recordResult(progress, exercise.id, points, done));
  }, [judged, loaded, outcome, view.stale, progress, exercise.id, points, done, keep]);

  const start = async (target: Exercise) => {
    if (!controller) return;
    setActiveId(target.id);
    setHints(0);
    setStarting(true);
    keep(withCurrent(progress, target.id));
    try {
      const ok = await controller.loadCase(target.caseId);
      if (ok && applyStart(store, target.start)) {
        const s = store.getState();
        setBaseline({ run: s.run.outcome, plan: s.planRun.outcome });
        recorded.current = undefined;
        setStarted(target.id);
      }
    } finally {
      setStarting(false);
    }
  };

  const index = EXERCISES.indexOf(exercise);
  const next = EXERCISES[index + 1];
  const best = progress.exercises[exercise.id];

  return (
    <aside
      className={open ? 'learn-panel' : 'learn-panel learn-panel--folded'}
      aria-label="Exercises"
      data-testid="learn-panel"
      style={top === undefined ? undefined : ({ '--learn-top': `${top}px` } as CSSProperties)}
    >
      <div className="learn-head">
        <h2>Exercises</h2>
        <button type="button" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Fold away' : 'Show exercises'}
        </button>
      </div>
      {open && (
        <div className="learn-body">
          <ol className="learn-list">
            {EXERCISES.map((e, i) => {
              const p = progress.exercises[e.id];
              return (
                <li key={e.id}>
                  <button
                    type="button"
                    aria-current={e.id === exercise.id ? 'true' : undefined}
                    onClick={() => {
                      setActiveId(e.id);
                      setHints(0);
                    }}
                  >
                    <span>
                      {i + 1}. {e.title}
                    </span>
                    <span className="learn-best" data-testid={`learn-best-${e.id}`}>
                      {p ? `${p.completed ? '✓ done · ' : ''}best ${p.best}` : 'not tried'}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>

          <section className="learn-exercise" aria-labelledby="learn-title">
            <h3 id="learn-title">{exercise.title}</h3>
            <p>{exercise.brief}</p>
            <button
              type="button"
              className="learn-start"
              onClick={() => void start(exercise)}
              disabled={!controller || starting}
            >
              {starting ? 'Setting up…' : judged ? 'Start again' : 'Start this exercise'}
            </button>
            {!judged && <p className="learn-note">Start the exercise to set up its case; your runs are then judged.</p>}

            <h4>Objectives</h4>
            <ul className="learn-objectives" data-testid="learn-objectives">
              {results.map((r) => {
                const mark = MARK[r.met === undefined ? 'none' : r.met ? 'true' : 'false'];
                return (
                  <li key={r.objective.id} data-met={r.met === undefined ? 'none' : String(r.met)}>
                    <span className="learn-mark" aria-hidden="true">
                      {mark.icon}
                    </span>
                    <span>
                      {r.objective.text}
                      <span className="visually-hidden">: {mark.text}</span>
                      {r.value && <span className="learn-value"> — {r.value}</span>}
                      <span className="learn-weight"> (weight {r.objective.weight})</span>
                    </span>
                  </li>
                );
              })}
            </ul>

            <p className="learn-score" data-testid="learn-score" aria-live="polite">
              Score: <strong>{judged && view.run && !view.stale ? points : '–'}</strong> / 100
              {judged && done && ' — complete!'}
              {best && <span className="learn-value"> · your best: {best.best}</span>}
            </p>
            <p className="learn-rule">{SCORE_RULE}</p>

            {judged && lines.length > 0 && (
              <>
                <h4>Feedback</h4>
                <ul className="learn-feedback" data-testid="learn-feedback">
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </>
            )}

            <h4>Hints</h4>
            {hints > 0 && (
              <ol className="learn-hints" data-testid="learn-hints">
                {exercise.hints.slice(0, hints).map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ol>
            )}
            <button type="button" onClick={() => setHints(hints + 1)} disabled={hints >= exercise.hints.length}>
              {hints >= exercise.hints.length
                ? 'No more hints'
                : `Show a hint (${hints + 1} of ${exercise.hints.length})`}
            </button>

            {next && (
              <button
                type="button"
                className="learn-next"
                onClick={() => {
                  setActiveId(next.id);
                  setHints(0);
                }}
              >
                Next exercise: {next.title}
              </button>
            )}
          </section>

          <div className="learn-reset">
            {confirmReset ? (
              <>
                <span>Forget every score?</span>
                <button
                  type="button"
                  onClick={() => {
                    setConfirmReset(false);
                    void resetProgress(progressStore).then((p) => setProgress(p));
                  }}
                >
                  Yes, reset
                </button>
                <button type="button" onClick={() => setConfirmReset(false)}>
                  Keep
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setConfirmReset(true)}>
                Reset progress
              </button>
            )}
          </div>
        </div>
      )}
    </aside>
  );
}

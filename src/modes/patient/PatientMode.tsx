import { type PointerEvent, type ReactNode, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { ModeMenu } from '../ModeMenu.tsx';
import { useStepAddress } from '../useStepAddress.ts';
import { GLOSSARY, NOTE_SHORT, type Paragraph, SOURCES, type SourceId, STAGE_DESCRIPTIONS, STEPS } from './content.ts';
import { PatientScene } from './picture/PatientScene.tsx';
import { useMoreBelow } from './useMoreBelow.ts';
import { useReducedMotion } from './useReducedMotion.ts';
import './patient.css';

/** A horizontal swipe at least this long [CSS px], and longer than it is tall, turns the page. */
const SWIPE_PX = 50;

const SOURCE_NUMBER = new Map<SourceId, number>(SOURCES.map((s, i) => [s.id, i + 1]));
const SOURCES_STEP = STEPS.findIndex((s) => s.extra === 'sources');

/** The step a key turns to from `index`, or undefined when the key is not a page key. */
function stepForKey(key: string, index: number): number | undefined {
  if (key === 'ArrowRight') return index + 1;
  if (key === 'ArrowLeft') return index - 1;
  if (key === 'Home') return 0;
  if (key === 'End') return STEPS.length - 1;
  return undefined;
}

/** The steps' ids, as the address's fragment names them. */
const STEP_IDS = STEPS.map((s) => s.id);

export interface PatientModeProps {
  /** The bundled case the picture draws (the femur): its GLB's served address. */
  caseUrl: string | undefined;
}

/**
 * The patient explainer (issue 13): the clinical story in plain words, one step at a time, with a calm 3D picture
 * per step. Next and Back (big buttons, always on screen), the dots, a swipe on a touch screen and the arrow keys
 * turn the pages; the step is kept in the address's fragment (useStepAddress) so a reload keeps the place, a link
 * opens its step and Back/Forward walk the steps.
 */
export function PatientMode({ caseUrl }: PatientModeProps) {
  const { index, current, go } = useStepAddress(STEP_IDS);
  const reducedMotion = useReducedMotion();
  const textRef = useRef<HTMLDivElement>(null);
  const swipe = useRef<{ x: number; y: number; id: number } | null>(null);
  const step = STEPS[index] ?? STEPS[0];
  const moreBelow = useMoreBelow(textRef, index);
  const last = STEPS.length - 1;

  // A source tapped in a step: the sources page opens at it, and Back returns to the step it was tapped in (a walk
  // tapped [5] on step 1, met the top of the sources with source 5 off screen, and Back led to the glossary).
  const [cited, setCited] = useState<{ id: string; from: number } | undefined>(undefined);
  const cite = (id: string) => {
    setCited({ id, from: index });
    go(SOURCES_STEP);
  };
  const citing = index === SOURCES_STEP ? cited : undefined;

  useEffect(() => {
    document.title = `${step?.title ?? ''} — How focused ultrasound eases bone pain — FUS Planner`;
    const source = citing ? document.getElementById(`source-${citing.id}`) : null;
    if (source) source.scrollIntoView?.({ block: 'center' });
    else textRef.current?.scrollTo?.({ top: 0 });
  }, [step, citing]);

  // Listening from the commit that shows the step, not after the paint: a key pressed as the page appears (a reload,
  // a Back) was otherwise lost.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      const el = e.target as HTMLElement | null;
      if (el?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const to = stepForKey(e.key, current.current);
      if (to === undefined) return;
      e.preventDefault();
      go(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, go]);

  const onPointerDown = (e: PointerEvent) => {
    if (e.pointerType === 'mouse') return;
    swipe.current = { x: e.clientX, y: e.clientY, id: e.pointerId };
  };
  const onPointerUp = (e: PointerEvent) => {
    const start = swipe.current;
    swipe.current = null;
    if (!start || start.id !== e.pointerId) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) < SWIPE_PX || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    go(dx < 0 ? index + 1 : index - 1);
  };

  if (!step) return null;
  const atEnd = index === last;

  return (
    <div className="patient">
      <header className="patient-header">
        <div className="patient-brand">
          <p className="patient-app-name">
            FUS Planner <span className="patient-app-part">· for patients</span>
          </p>
          <ModeMenu current="patient" className="patient-modes" />
        </div>
        <p className="patient-note" role="note">
          {NOTE_SHORT}
        </p>
      </header>

      <main
        // The glossary and the sources are reading: on a phone the picture gives them most of the screen (a walk
        // counted 13 screens of glossary in a 334 px box under an unrelated picture).
        className={step.extra ? 'patient-main patient-reading' : 'patient-main'}
        onPointerDown={onPointerDown}
        onPointerUp={onPointerUp}
        onPointerCancel={() => {
          swipe.current = null;
        }}
      >
        <figure className="patient-picture">
          <div className="patient-canvas-box" role="img" aria-label={STAGE_DESCRIPTIONS[step.stage]}>
            <PatientScene caseUrl={caseUrl} stage={step.stage} reducedMotion={reducedMotion} />
          </div>
          <figcaption className="patient-caption">
            An illustration, not a simulation{reducedMotion ? ' (shown still)' : ''}.
          </figcaption>
        </figure>

        {/* Focusable so the keyboard can scroll a long page (the glossary); named by the step's title. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable to scroll it by keyboard (WCAG 2.1.1). */}
        <article className="patient-text" ref={textRef} aria-labelledby="patient-step-title" tabIndex={0}>
          <p className="patient-count">
            Step {index + 1} of {STEPS.length}
          </p>
          <h1 id="patient-step-title">{step.title}</h1>
          {step.body.map((p) => (
            <Para key={p.text} paragraph={p} onSource={cite} />
          ))}
          {step.list ? (
            <div className="patient-compare">
              {step.list.map((group) => (
                <section key={group.heading} className="patient-compare-item">
                  <h2>{group.heading}</h2>
                  <ul>
                    {group.points.map((p) => (
                      <li key={p.text}>
                        <Para paragraph={p} onSource={cite} bare />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
          ) : null}
          {step.numbers ? (
            <details className="patient-numbers">
              <summary>{step.numbers.label}</summary>
              {step.numbers.body.map((p) => (
                <Para key={p.text} paragraph={p} onSource={cite} />
              ))}
            </details>
          ) : null}
          {step.extra === 'glossary' ? <Glossary /> : null}
          {step.extra === 'sources' ? <Sources cited={citing?.id} /> : null}
          {/* Words past the box's foot looked absent on a phone (cut at a paragraph's end): a fade and a cue say so,
              and a tap on the cue scrolls on (a walk tapped it and nothing moved). Hidden from assistive technology,
              which reads the words whole; the box itself scrolls from the keyboard. */}
          {moreBelow ? (
            <div className="patient-more" aria-hidden="true">
              {/* Out of the tab order: the keyboard scrolls the focusable box itself. */}
              <button
                type="button"
                tabIndex={-1}
                className="patient-more-label"
                data-testid="patient-more"
                onClick={() => {
                  const box = textRef.current;
                  box?.scrollBy?.({ top: 0.8 * box.clientHeight, behavior: 'smooth' });
                }}
              >
                More below ↓
              </button>
            </div>
          ) : null}
        </article>
      </main>

      <nav className="patient-nav" aria-label="Story steps">
        <button
          type="button"
          className="patient-button patient-back"
          aria-disabled={index === 0}
          onClick={() => go(citing ? citing.from : index - 1)}
        >
          <span aria-hidden="true">← </span>
          {citing ? `Back to step ${citing.from + 1}` : 'Back'}
        </button>
        <ol className="patient-dots">
          {STEPS.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="patient-dot"
                aria-label={`Step ${i + 1}: ${s.title}`}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => go(i)}
              />
            </li>
          ))}
        </ol>
        <button type="button" className="patient-button patient-next" onClick={() => go(atEnd ? 0 : index + 1)}>
          {atEnd ? (
            'Start again'
          ) : (
            <>
              Next<span aria-hidden="true"> →</span>
            </>
          )}
        </button>
        <p className="patient-live" aria-live="polite">
          Step {index + 1} of {STEPS.length}: {step.title}
        </p>
      </nav>
    </div>
  );
}

function Para({ paragraph, onSource, bare }: { paragraph: Paragraph; onSource: (id: string) => void; bare?: boolean }) {
  const refs: ReactNode = paragraph.sources?.length ? (
    <span className="patient-refs">
      {' '}
      {paragraph.sources.map((id) => {
        const n = SOURCE_NUMBER.get(id) ?? 0;
        const source = SOURCES[n - 1];
        return (
          <button
            key={id}
            type="button"
            className="patient-ref"
            onClick={() => onSource(id)}
            aria-label={`Source ${n}: ${source?.citation ?? ''} Opens the sources page.`}
          >
            [{n}]
          </button>
        );
      })}
    </span>
  ) : null;
  return bare ? (
    <>
      {paragraph.text}
      {refs}
    </>
  ) : (
    <p>
      {paragraph.text}
      {refs}
    </p>
  );
}

function Glossary() {
  return (
    <dl className="patient-glossary">
      {GLOSSARY.map((entry) => (
        <div key={entry.term} className="patient-glossary-entry">
          <dt>
            {entry.term}
            {entry.also?.length ? <span className="patient-also"> (also: {entry.also.join(', ')})</span> : null}
          </dt>
          <dd>{entry.definition}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The sources, the one a reader tapped in a step (`cited`) marked. */
function Sources({ cited }: { cited: string | undefined }) {
  return (
    <>
      <h2>Sources</h2>
      <ol className="patient-sources">
        {SOURCES.map((s) => (
          <li
            key={s.id}
            id={`source-${s.id}`}
            className={s.id === cited ? 'patient-cited' : undefined}
            aria-current={s.id === cited ? 'true' : undefined}
          >
            {s.citation} <span className="patient-used-for">Used here for: {s.usedFor}.</span>
          </li>
        ))}
      </ol>
    </>
  );
}

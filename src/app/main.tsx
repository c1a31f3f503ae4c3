import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { modeFromSearch } from '../modes/mode.ts';
import { CASES, DEFAULT_CASE_ID } from './catalogue.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/**
 * The mode comes from `?mode=` (src/modes/mode.ts): `patient` opens the patient explainer, `lecture` the lecture
 * storyline, `learn` the planner with the trainee's exercises; `plan` (the default, and any unknown value) opens the
 * planner (README, "Modes"). Each mode is its own chunk, loaded on demand: a phone opening the explainer does not download the
 * planner, its worker code or its styles.
 */
async function page(): Promise<ReactNode> {
  const mode = modeFromSearch(window.location.search);
  if (mode === 'lecture') {
    const { LectureMode } = await import('../modes/lecture/LectureMode.tsx');
    // The lecture's pictures are the bundled femur case and its precomputed heat (npm run lecture-heat).
    const femur = CASES.find((c) => c.id === 'femur-shaft') ?? CASES.find((c) => c.id === DEFAULT_CASE_ID);
    return <LectureMode caseUrl={femur?.url} heatUrl={`${import.meta.env.BASE_URL}lecture/femur-heat.json`} />;
  }
  if (mode === 'patient') {
    const { PatientMode } = await import('../modes/patient/PatientMode.tsx');
    // The explainer's picture is the bundled femur case, loaded from the same file the planner opens.
    const femur = CASES.find((c) => c.id === 'femur-shaft') ?? CASES.find((c) => c.id === DEFAULT_CASE_ID);
    return <PatientMode caseUrl={femur?.url} />;
  }
  if (mode === 'learn') {
    const { LearnMode } = await import('../modes/learn/LearnMode.tsx');
    return <LearnMode />;
  }
  const [{ App }] = await Promise.all([import('./App.tsx'), import('./styles.css')]);
  return <App />;
}

const app = createRoot(root);
page().then(
  (content) => app.render(<StrictMode>{content}</StrictMode>),
  (error: unknown) => {
    // A chunk that fails to load (offline, a stale deployment) is said on the page, not left blank.
    root.textContent = `FUS Planner could not start: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
    throw error;
  },
);

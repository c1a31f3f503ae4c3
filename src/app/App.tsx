import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type CasePart, parseCaseGlb } from '../geometry/phantom.ts';
import { CaseModel } from '../scene/CaseModel.tsx';
import { PlanningScene } from '../scene/PlanningScene.tsx';
import { ResultsScene } from '../scene/ResultsScene.tsx';
import { ScaleBarProbe } from '../scene/ScaleBarProbe.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlannerStoreContext } from '../state/hooks.ts';
import { newId } from '../state/planning.ts';
import { createPlannerStore } from '../state/store.ts';
import { DEFAULT_OPACITY } from '../style/palette.ts';
import { CasePanel } from '../ui/CasePanel.tsx';
import { ClinicalNotice } from '../ui/ClinicalNotice.tsx';
import { downloadBlob, exportName } from '../ui/ExportButtons.tsx';
import { PlanPanel } from '../ui/PlanPanel.tsx';
import { ScaleBar } from '../ui/ScaleBar.tsx';
import { TimePanel } from '../ui/TimePanel.tsx';
import { ViewOverlay } from '../ui/ViewOverlay.tsx';
import { SimClient, SimulationCancelled } from '../worker/client.ts';
import { CASES, DEFAULT_CASE_ID } from './catalogue.ts';
import { DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from './defaults.ts';
import { keepEstimateLive } from './live-estimate.ts';
import { planRequest, sonicateRequest } from './planning-requests.ts';

function createWorker(): Worker {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'fus-sim' });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The composition root: the only place that wires the worker, the store, the 3D scene and the panels. */
export function App() {
  const store = useMemo(
    () =>
      createPlannerStore({
        caseId: DEFAULT_CASE_ID,
        transducer: DEFAULT_TRANSDUCER,
        sonication: { ...DEFAULT_SONICATION },
      }),
    [],
  );
  const [client, setClient] = useState<SimClient>();
  const [parts, setParts] = useState<readonly CasePart[]>([]);
  const running = useRef<AbortController | undefined>(undefined);
  const planRunning = useRef<AbortController | undefined>(undefined);
  const scaleBar = useRef<HTMLDivElement>(null);
  const target = useStore(store, (s) => s.target);

  // One worker for the app's life; StrictMode mounts effects twice in development, so terminate in cleanup.
  useEffect(() => {
    const c = new SimClient(createWorker);
    setClient(c);
    return () => c.dispose();
  }, []);

  const loadCase = useCallback(
    async (caseId: string) => {
      if (!client) return;
      running.current?.abort();
      planRunning.current?.abort();
      const entry = CASES.find((c) => c.id === caseId);
      store.getState().setCaseLoading(caseId);
      setParts([]);
      try {
        if (!entry) throw new Error(`No bundled case called "${caseId}".`);
        const response = await fetch(entry.url);
        if (!response.ok) throw new Error(`Could not load ${entry.title} (HTTP ${response.status}).`);
        const bytes = await response.arrayBuffer();
        const [loaded, summary] = await Promise.all([
          parseCaseGlb(bytes.slice(0), entry.title),
          client.loadCase(bytes, entry.title),
        ]);
        if (store.getState().caseId !== caseId) return;
        setParts(loaded.parts);
        store.getState().setCaseLoaded(summary, (tissue) => DEFAULT_OPACITY[tissue]);
        // Undo does not cross cases: the history starts again with the case's default plan.
        store.temporal.getState().clear();
      } catch (error) {
        store.getState().setCaseError(errorMessage(error));
      }
    },
    [client, store],
  );

  useEffect(() => {
    void loadCase(store.getState().caseId);
  }, [loadCase, store]);

  const sonicate = useCallback(async () => {
    if (!client) return;
    const s = store.getState();
    const controller = new AbortController();
    running.current = controller;
    s.startRun();
    const request = sonicateRequest(s);
    try {
      const outcome = await client.sonicate(
        request,
        (fraction) => store.getState().setProgress(fraction),
        controller.signal,
      );
      if (running.current === controller) store.getState().finishRun(outcome, request.tissueOverrides);
    } catch (error) {
      // A newer run replaced this one (a drag ended mid-run): its status is the one to show.
      if (running.current !== controller) return;
      if (error instanceof SimulationCancelled)
        store.getState().failRun('cancelled', 'Cancelled: nothing was changed.');
      else store.getState().failRun('error', `The sonication failed: ${errorMessage(error)}`);
    } finally {
      if (running.current === controller) running.current = undefined;
    }
  }, [client, store]);

  const cancel = useCallback(() => running.current?.abort(), []);

  // After a drag of the target or the transducer, the full computation replaces the live estimate.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.dragsSettled === previous.dragsSettled || state.caseStatus !== 'ready') return;
        running.current?.abort();
        void sonicate();
      }),
    [store, sonicate],
  );

  // Live feedback: every planning change asks the worker for a fast estimate (latest wins).
  useEffect(() => (client ? keepEstimateLive(store, client) : undefined), [client, store]);

  const runPlan = useCallback(async () => {
    if (!client) return;
    const s = store.getState();
    if (s.spots.length === 0) return;
    const controller = new AbortController();
    planRunning.current = controller;
    s.startPlanRun();
    try {
      const outcome = await client.runPlan(
        planRequest(s),
        (fraction) => store.getState().setPlanProgress(fraction),
        controller.signal,
      );
      store.getState().finishPlanRun(outcome);
    } catch (error) {
      if (error instanceof SimulationCancelled)
        store.getState().failPlanRun('cancelled', 'Cancelled: the plan is unchanged.');
      else store.getState().failPlanRun('error', `The plan failed: ${errorMessage(error)}`);
    } finally {
      if (planRunning.current === controller) planRunning.current = undefined;
    }
  }, [client, store]);
  const cancelPlan = useCallback(() => planRunning.current?.abort(), []);

  // The canvas keeps its drawing buffer (preserveDrawingBuffer), so what is on screen can be saved as it is.
  const savePng = useCallback(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.view canvas');
    const { caseId, playback } = store.getState();
    canvas?.toBlob((blob) => {
      if (blob) downloadBlob(blob, exportName(caseId, playback.source, 'view', 'png'));
    }, 'image/png');
  }, [store]);

  const autoSpots = useCallback(async () => {
    if (!client) return;
    const s = store.getState();
    const lesion = s.parts.find((p) => p.tissue === 'lesion');
    try {
      const centres = await client.spotGrid({
        transducer: s.transducer,
        ...(lesion ? { lesionPart: lesion.name } : {}),
      });
      store.getState().setSpots(centres.map((focus) => ({ id: newId('spot'), focus, ...store.getState().sonication })));
    } catch (error) {
      store.getState().failPlanRun('error', `Could not cover the lesion: ${errorMessage(error)}`);
    }
  }, [client, store]);

  return (
    <PlannerStoreContext.Provider value={store}>
      <div className="app">
        <header className="app-header">
          <h1>FUS Planner</h1>
          <span className="tagline">Focused ultrasound for painful bone metastases — a planning simulator</span>
          <ClinicalNotice />
        </header>
        <CasePanel cases={CASES} onPickCase={(id) => void loadCase(id)} />
        <main className="view" aria-label="3D view">
          <Viewer>
            <CaseModel parts={parts} />
            <PlanningScene />
            <ResultsScene />
            <ScaleBarProbe target={target} bar={scaleBar} />
          </Viewer>
          <ViewOverlay />
          <ScaleBar bar={scaleBar} />
        </main>
        <TimePanel onSavePng={savePng} />
        <PlanPanel
          onSonicate={() => void sonicate()}
          onCancel={cancel}
          onRunPlan={() => void runPlan()}
          onCancelPlan={cancelPlan}
          onAutoSpots={() => void autoSpots()}
        />
      </div>
    </PlannerStoreContext.Provider>
  );
}

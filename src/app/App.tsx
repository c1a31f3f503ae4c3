import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type CasePart, parseCaseGlb } from '../geometry/phantom.ts';
import { CaseModel } from '../scene/CaseModel.tsx';
import { HeatedRegion } from '../scene/HeatedRegion.tsx';
import { ScaleBarProbe } from '../scene/ScaleBarProbe.tsx';
import { TransducerView } from '../scene/TransducerView.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlannerStoreContext } from '../state/hooks.ts';
import { createPlannerStore } from '../state/store.ts';
import { DEFAULT_OPACITY } from '../style/palette.ts';
import { CasePanel } from '../ui/CasePanel.tsx';
import { ClinicalNotice } from '../ui/ClinicalNotice.tsx';
import { PlanPanel } from '../ui/PlanPanel.tsx';
import { ScaleBar } from '../ui/ScaleBar.tsx';
import { ViewOverlay } from '../ui/ViewOverlay.tsx';
import { SimClient, SimulationCancelled } from '../worker/client.ts';
import { CASES, DEFAULT_CASE_ID } from './catalogue.ts';
import { DEFAULT_REGION, DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from './defaults.ts';

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
        const { transducer, target, beamDirection } = store.getState();
        const beams = await client.traceBeams({
          transducer,
          pose: { target, direction: beamDirection, distance: transducer.radiusOfCurvature },
        });
        if (store.getState().caseId === caseId) store.getState().setBeams(beams);
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
    try {
      const outcome = await client.sonicate(
        {
          transducer: s.transducer,
          pose: { target: s.target, direction: s.beamDirection, distance: s.transducer.radiusOfCurvature },
          ...s.sonication,
          region: DEFAULT_REGION,
        },
        (fraction) => store.getState().setProgress(fraction),
        controller.signal,
      );
      store.getState().finishRun(outcome);
    } catch (error) {
      if (error instanceof SimulationCancelled)
        store.getState().failRun('cancelled', 'Cancelled: nothing was changed.');
      else store.getState().failRun('error', `The sonication failed: ${errorMessage(error)}`);
    } finally {
      if (running.current === controller) running.current = undefined;
    }
  }, [client, store]);

  const cancel = useCallback(() => running.current?.abort(), []);

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
            <TransducerView />
            <HeatedRegion />
            <ScaleBarProbe target={target} bar={scaleBar} />
          </Viewer>
          <ViewOverlay />
          <ScaleBar bar={scaleBar} />
        </main>
        <PlanPanel onSonicate={() => void sonicate()} onCancel={cancel} />
      </div>
    </PlannerStoreContext.Provider>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { type CasePart, parseCaseGlb } from '../geometry/phantom.ts';
import { CaseModel } from '../scene/CaseModel.tsx';
import { PlanningScene } from '../scene/PlanningScene.tsx';
import { ResultsScene } from '../scene/ResultsScene.tsx';
import { ScaleBarProbe } from '../scene/ScaleBarProbe.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlannerStoreContext } from '../state/hooks.ts';
import { createPlannerStore } from '../state/store.ts';
import { CasePanel } from '../ui/CasePanel.tsx';
import { ClinicalNotice } from '../ui/ClinicalNotice.tsx';
import { downloadBlob, exportName } from '../ui/ExportButtons.tsx';
import { PlanPanel } from '../ui/PlanPanel.tsx';
import { ScaleBar } from '../ui/ScaleBar.tsx';
import { StaleResultsBanner } from '../ui/StaleResultsBanner.tsx';
import { TimePanel } from '../ui/TimePanel.tsx';
import { ViewOverlay } from '../ui/ViewOverlay.tsx';
import { SimClient, SimulationCancelled } from '../worker/client.ts';
import { CASES, DEFAULT_CASE_ID } from './catalogue.ts';
import { createPlannerController, type PlannerController } from './controller.ts';
import { DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from './defaults.ts';

function createWorker(): Worker {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'fus-sim' });
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response.arrayBuffer();
}

/**
 * The composition root: creates the store, the worker client and the controller (src/app/controller.ts, where the
 * orchestration lives), and lays out the 3D scene and the panels. Nothing here decides what runs when.
 */
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
  const [controller, setController] = useState<PlannerController>();
  const [parts, setParts] = useState<readonly CasePart[]>([]);
  const scaleBar = useRef<HTMLDivElement>(null);
  const target = useStore(store, (s) => s.target);

  // One worker and one controller for the app's life; StrictMode mounts effects twice in development, so both are
  // disposed in the cleanup.
  useEffect(() => {
    const client = new SimClient(createWorker);
    const c = createPlannerController<readonly CasePart[]>({
      store,
      client,
      cases: CASES,
      loadBytes: fetchBytes,
      parseForDrawing: async (bytes, title) => (await parseCaseGlb(bytes, title)).parts,
      onCaseDrawn: (drawn) => setParts(drawn ?? []),
      isCancellation: (error) => error instanceof SimulationCancelled,
    });
    setController(c);
    void c.loadCase(store.getState().caseId);
    return () => {
      c.dispose();
      client.dispose();
    };
  }, [store]);

  // The canvas keeps its drawing buffer (preserveDrawingBuffer), so what is on screen can be saved as it is.
  const savePng = useCallback(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.view canvas');
    const { caseId, playback } = store.getState();
    canvas?.toBlob((blob) => {
      if (blob) downloadBlob(blob, exportName(caseId, playback.source, 'view', 'png'));
    }, 'image/png');
  }, [store]);

  return (
    <PlannerStoreContext.Provider value={store}>
      <div className="app">
        <header className="app-header">
          <h1>FUS Planner</h1>
          <span className="tagline">Focused ultrasound for painful bone metastases — a planning simulator</span>
          <ClinicalNotice />
        </header>
        <CasePanel cases={CASES} onPickCase={(id) => void controller?.loadCase(id)} />
        <main className="view" aria-label="3D view">
          <Viewer>
            <CaseModel parts={parts} />
            <PlanningScene />
            <ResultsScene />
            <ScaleBarProbe target={target} bar={scaleBar} />
          </Viewer>
          <ViewOverlay />
          <StaleResultsBanner />
          <ScaleBar bar={scaleBar} />
        </main>
        <TimePanel onSavePng={savePng} />
        <PlanPanel
          onSonicate={() => void controller?.sonicate()}
          onCancel={() => controller?.cancelSonication()}
          onRunPlan={controller ? () => void controller.runPlan() : undefined}
          onCancelPlan={() => controller?.cancelPlan()}
          onCoverLesion={controller ? (mode) => void controller.coverLesion(mode) : undefined}
        />
      </div>
    </PlannerStoreContext.Provider>
  );
}

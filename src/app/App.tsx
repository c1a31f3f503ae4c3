import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { MESH_EXTENSIONS } from '../geometry/import/mesh-file.ts';
import { type CasePart, parseCaseGlb } from '../geometry/phantom.ts';
import { ModeMenu } from '../modes/ModeMenu.tsx';
import type { Mode } from '../modes/mode.ts';
import { CaseModel } from '../scene/CaseModel.tsx';
import { partsBox } from '../scene/case-box.ts';
import { LesionPreview } from '../scene/LesionPreview.tsx';
import { LesionSurfaceDrag } from '../scene/LesionSurfaceDrag.tsx';
import { PlanningScene } from '../scene/PlanningScene.tsx';
import { ResultsScene } from '../scene/ResultsScene.tsx';
import { ScaleBarProbe } from '../scene/ScaleBarProbe.tsx';
import { Viewer } from '../scene/Viewer.tsx';
import { PlannerStoreContext } from '../state/hooks.ts';
import { createPlanFilesStore } from '../state/plan-files.ts';
import { createPlannerStore, type PlannerStoreApi } from '../state/store.ts';
import { CasePanel } from '../ui/CasePanel.tsx';
import { ClinicalNotice } from '../ui/ClinicalNotice.tsx';
import { downloadBlob, exportName, viewFigurePng } from '../ui/ExportButtons.tsx';
import { ImportButton } from '../ui/ImportButton.tsx';
import { ImportDialog } from '../ui/ImportDialog.tsx';
import { ImportDrop } from '../ui/ImportDrop.tsx';
import { ImportLesionPanel } from '../ui/ImportLesionPanel.tsx';
import { PlanDrop } from '../ui/PlanDrop.tsx';
import { PlanFilePanel } from '../ui/PlanFilePanel.tsx';
import { PlanPanel } from '../ui/PlanPanel.tsx';
import { PlanReport } from '../ui/PlanReport.tsx';
import { ScaleBar } from '../ui/ScaleBar.tsx';
import { shownRun } from '../ui/shown-run.ts';
import { TimePanel } from '../ui/TimePanel.tsx';
import { ViewOverlay } from '../ui/ViewOverlay.tsx';
import { SimClient, SimulationCancelled } from '../worker/client.ts';
import { ImportClient } from '../worker/import-client.ts';
import { CASES, DEFAULT_CASE_ID } from './catalogue.ts';
import { createPlannerController, type PlannerController } from './controller.ts';
import { PlannerControllerContext } from './controller-context.ts';
import { DEFAULT_SONICATION, DEFAULT_TRANSDUCER } from './defaults.ts';
import { createImportFlow, type FileSource } from './import-flow.ts';
import { importDialogView } from './import-view.ts';
import { forgetExitNote } from './interrupted-run.ts';
import { browserKeyValue, browserSyncKeyValue } from './key-value.ts';
import { createPlanIO, type PlanIO, type PlanIOPlatform } from './plan-io.ts';
import { createPlanKeeper } from './plan-keeper.ts';
import '../style/import.css';

function createWorker(): Worker {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'fus-sim' });
}

function createImportWorker(): Worker {
  return new Worker(new URL('../worker/import.worker.ts', import.meta.url), { type: 'module', name: 'fus-import' });
}

const fileSource = (file: File): FileSource => ({ name: file.name, size: file.size, bytes: () => file.arrayBuffer() });

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
  return response.arrayBuffer();
}

/** What plan-io needs of the browser: downloads, the clipboard, the address bar, the view's picture, printing. */
function browserPlatform(store: PlannerStoreApi): PlanIOPlatform {
  return {
    download: downloadBlob,
    copyText: async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch {
        return false;
      }
    },
    hash: () => window.location.hash,
    base: () => `${window.location.origin}${window.location.pathname}${window.location.search}`,
    clearFragment: () =>
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}`),
    now: Date.now,
    composeViewImage: async () => {
      const s = store.getState();
      const figure = await viewFigurePng(s, shownRun(s.run.outcome, s.planRun.outcome, s.playback.source));
      return figure ? URL.createObjectURL(figure.blob) : undefined;
    },
    releaseImage: (url) => URL.revokeObjectURL(url),
    print: () => window.print(),
  };
}

/**
 * What leaving the page clears, in a sentence, or undefined when there is nothing to lose: the plan and the settings
 * are kept in the browser (plan-keeper.ts), the results are not.
 * @param sonication - a sonication's results are shown
 * @param plan - a plan's results are shown
 */
function leavingWords(sonication: boolean, plan: boolean): string | undefined {
  if (!sonication && !plan) return undefined;
  const what =
    sonication && plan
      ? "the sonication's and the plan's results"
      : sonication
        ? "the sonication's results"
        : "the plan's results";
  return `Leaving this page clears ${what}: your plan and settings are kept, but the results would have to be computed again.`;
}

/**
 * The composition root: creates the store, the worker client and the controller (src/app/controller.ts, where the
 * orchestration lives), and lays out the 3D scene and the panels. Nothing here decides what runs when. `children`
 * are what a mode adds to the planner (the learn mode's exercises): they see the store and the controller through
 * their contexts; `mode` is the one the header's menu marks as current.
 */
export function App({ children, mode = 'plan' }: { children?: ReactNode; mode?: Mode } = {}) {
  const store = useMemo(
    () =>
      createPlannerStore({
        caseId: DEFAULT_CASE_ID,
        transducer: DEFAULT_TRANSDUCER,
        sonication: { ...DEFAULT_SONICATION },
      }),
    [],
  );
  const files = useMemo(() => createPlanFilesStore(), []);
  const [controller, setController] = useState<PlannerController>();
  const [planIO, setPlanIO] = useState<PlanIO>();
  const [parts, setParts] = useState<readonly CasePart[]>([]);
  const scaleBar = useRef<HTMLDivElement>(null);
  // The import (issue 12): its worker starts on the first file; a made case opens through the controller.
  const controllerRef = useRef<PlannerController>(undefined);
  const importClient = useMemo(() => new ImportClient(createImportWorker), []);
  // Plans, recent plans and imported cases are kept in the browser (IndexedDB), one store for all.
  // A mode that adds to the planner (learn) keeps its working plans apart: starting an exercise must not replace
  // the plan the user left in the planner.
  const kv = useMemo(() => browserKeyValue(mode === 'plan' ? 'fus-planner' : `fus-planner-${mode}`), [mode]);
  const exit = useMemo(() => browserSyncKeyValue(mode === 'plan' ? 'fus-planner:' : `fus-planner-${mode}:`), [mode]);
  const imports = useMemo(
    () =>
      createImportFlow({
        port: importClient,
        openCase: (entry, bytes, replaces) =>
          controllerRef.current?.openCaseFile(entry, bytes, replaces) ?? Promise.resolve(false),
        target: () => [...store.getState().target],
        caseBytes: (caseId) => controllerRef.current?.caseFileBytes(caseId),
        kv,
        onStorageError: (text) => files.setState({ message: { kind: 'error', text } }),
      }),
    [importClient, store, kv, files],
  );
  useEffect(() => () => importClient.dispose(), [importClient]);
  const importState = useStore(imports.state);
  const importFiles = useCallback((files: File[]) => void imports.addFiles(files.map(fileSource)), [imports]);
  const caseId = useStore(store, (s) => s.caseId);
  const caseReady = useStore(store, (s) => s.caseStatus === 'ready');
  // Another mode is another page: what it would clear is said before a click on it leaves this one.
  const leaving = useStore(store, (s) => leavingWords(s.run.outcome !== undefined, s.planRun.outcome !== undefined));
  const caseBox = useMemo(() => partsBox(parts), [parts]);
  const cases = useMemo(() => [...CASES, ...importState.cases], [importState.cases]);
  const pendingLesion = importState.lesion?.caseId === caseId && caseReady ? importState.lesion : undefined;

  // One worker, one controller and one plan keeper for the app's life; StrictMode mounts effects twice in
  // development, so all are disposed in the cleanup. The first case is the one plan-io picks: a link's, else the last.
  useEffect(() => {
    const client = new SimClient(createWorker);
    // The default case is fetched at once, while the kept plans and imported cases are read from IndexedDB: most
    // starts open it, and its bytes are then on hand when the controller asks.
    const early = new Map<string, Promise<ArrayBuffer>>();
    const defaultUrl = CASES.find((entry) => entry.id === DEFAULT_CASE_ID)?.url;
    if (defaultUrl) {
      const bytes = fetchBytes(defaultUrl);
      bytes.catch(() => undefined); // a failure is reported by the load that takes these bytes
      early.set(defaultUrl, bytes);
    }
    const loadBytes = (url: string): Promise<ArrayBuffer> => {
      const bytes = early.get(url);
      early.delete(url);
      return bytes ?? fetchBytes(url);
    };
    const keeper = createPlanKeeper({
      store,
      kv,
      exit,
      caseIds: CASES.map((c) => c.id),
      meshMedium: imports.mediumOf,
      onError: (text) => files.setState({ message: { kind: 'error', text } }),
    });
    const c = createPlannerController<readonly CasePart[]>({
      store,
      client,
      cases: CASES,
      loadBytes,
      parseForDrawing: async (bytes, title) => (await parseCaseGlb(bytes, title)).parts,
      onCaseDrawn: (drawn) => setParts(drawn ?? []),
      isCancellation: (error) => error instanceof SimulationCancelled,
      plans: keeper,
    });
    const io = createPlanIO({
      store,
      controller: c,
      keeper,
      kv,
      files,
      cases: CASES,
      platform: browserPlatform(store),
      imports,
    });
    setController(c);
    controllerRef.current = c;
    setPlanIO(io);
    // Imported cases kept from an earlier session come back to the picker before the last case opens.
    void imports.restore().then(async (kept) => {
      for (const { entry, glb } of kept) c.addCaseFile(entry, glb);
      await io.start();
    });
    // A tab closed, reloaded or hidden within the autosave's delay still saves its last change (on pagehide also
    // synchronously, to localStorage: an IndexedDB write begun then may never finish).
    const flush = () => void keeper.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onPageHide = () => keeper.saveOnExit();
    // Back from the back–forward cache the page is as it was left: its runs were kept, not lost.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) forgetExitNote(exit);
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onHidden);
      keeper.dispose();
      c.dispose();
      client.dispose();
    };
  }, [store, files, kv, exit, imports]);

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
      <PlannerControllerContext.Provider value={controller}>
        <div className="app">
          <header className="app-header">
            {/* The first Tab stop: straight to Sonicate, past the case, parts and plan controls (≈ 70 stops). */}
            <button
              type="button"
              className="skip-link"
              data-testid="skip-to-sonicate"
              onClick={() => document.getElementById('sonicate')?.focus()}
            >
              Skip to Sonicate
            </button>
            <h1>FUS Planner</h1>
            <span className="tagline">Focused ultrasound for painful bone metastases — a planning simulator</span>
            <ModeMenu current={mode} className="app-modes" leaving={leaving} />
            <ClinicalNotice />
          </header>
          <CasePanel cases={cases} onPickCase={(id) => void planIO?.pickCase(id)}>
            <ImportButton
              accept={MESH_EXTENSIONS}
              onFiles={importFiles}
              imported={importState.cases.find((c) => c.id === caseId)?.title}
              onForget={() => void planIO?.forgetCase(caseId)}
              // A bone whose lesion was skipped, or left before it was placed, can have one placed later.
              onPlaceLesion={
                caseReady && !pendingLesion && imports.lacksLesion(caseId)
                  ? () => {
                      // The panel opens over the 3D view, which on a phone is screens above this button.
                      if (imports.startLesion(caseId)) {
                        document.querySelector('.view')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                      }
                    }
                  : undefined
              }
            />
            <PlanFilePanel
              files={files}
              actions={{
                onSave: () => planIO?.save(),
                onOpenFile: (file) => void planIO?.openFile(file),
                onMeshFiles: (chosen) => void planIO?.giveMeshFiles(chosen.map(fileSource)),
                onCopyLink: () => void planIO?.copyLink(),
                onReport: () => void planIO?.openReport(),
                onOpenRecent: (id) => void planIO?.openRecent(id),
                onDismiss: () => planIO?.dismissMessage(),
              }}
            />
          </CasePanel>
          <main className="view" aria-label="3D view">
            <Viewer caseBox={caseBox}>
              <LesionSurfaceDrag active={pendingLesion !== undefined}>
                <CaseModel parts={parts} />
              </LesionSurfaceDrag>
              <PlanningScene />
              <ResultsScene />
              <ScaleBarProbe bar={scaleBar} />
              <LesionPreview radii={pendingLesion?.radii} />
            </Viewer>
            {pendingLesion && (
              <ImportLesionPanel
                radii={pendingLesion.radii}
                busy={pendingLesion.busy}
                error={pendingLesion.error}
                onRadii={imports.setLesionRadii}
                onPlace={() => void imports.placeLesion()}
                onSkip={imports.skipLesion}
              />
            )}
            <ViewOverlay />
            <ScaleBar bar={scaleBar} />
          </main>
          <TimePanel onSavePng={savePng} />
          <PlanPanel
            onSonicate={() => void controller?.sonicate()}
            onCancel={() => controller?.cancelSonication()}
            onRunPlan={controller ? () => void controller.runPlan() : undefined}
            onCancelPlan={() => controller?.cancelPlan()}
            onCoverLesion={controller ? (mode) => controller.coverLesion(mode) : undefined}
          />
        </div>
        <PlanDrop onDropFile={(file) => void planIO?.openFile(file)} />
        <ImportDrop
          onDropFiles={importFiles}
          onDropPlanWithFiles={(plan, meshes) => void planIO?.openFile(plan, meshes.map(fileSource))}
        />
        {importState.open && (
          <ImportDialog
            view={importDialogView(importState)}
            actions={{
              onUnit: imports.setUnit,
              onTissue: imports.setTissue,
              onRemove: imports.removePart,
              onUp: imports.setUp,
              onRecentre: imports.setRecentre,
              onEnvelopeOn: imports.setEnvelopeOn,
              onEnvelope: imports.setEnvelope,
              onBuild: () => void imports.build(),
              onCancel: imports.cancel,
              onChooseFiles: importFiles,
            }}
          />
        )}
        <PlanReport files={files} onPrint={() => planIO?.printReport()} onClose={() => planIO?.closeReport()} />
        {children}
      </PlannerControllerContext.Provider>
    </PlannerStoreContext.Provider>
  );
}

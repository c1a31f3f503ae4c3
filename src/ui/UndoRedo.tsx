import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { isTypingTarget, PLAN_UNDO_ATTRIBUTE, SHORTCUTS, shortcutFor } from './plan-helpers.ts';
import { spotAtTarget } from './SpotList.tsx';

/** Undo and Redo of the plan (target, tilt, transducer, parameters, spots, no-pass regions), never of results. */
export function UndoRedo() {
  const store = usePlannerStoreApi();
  const canUndo = useStore(store.temporal, (t) => t.pastStates.length > 0);
  const canRedo = useStore(store.temporal, (t) => t.futureStates.length > 0);
  return (
    <div className="undo-redo">
      <button
        type="button"
        className="small"
        data-testid="undo"
        aria-label="Undo (Ctrl+Z)"
        title="Undo (Ctrl/⌘+Z)"
        disabled={!canUndo}
        onClick={() => store.temporal.getState().undo()}
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="small"
        data-testid="redo"
        aria-label="Redo (Ctrl+Shift+Z)"
        title="Redo (Ctrl/⌘+Shift+Z or Ctrl+Y)"
        disabled={!canRedo}
        onClick={() => store.temporal.getState().redo()}
      >
        ↷ Redo
      </button>
    </div>
  );
}

export interface ShortcutCallbacks {
  /** 'S': sonicate at the target. */
  onSonicate: () => void;
  /** 'Escape' while a sonication runs. */
  onCancelSonication: () => void;
  /** 'Escape' while a plan runs. */
  onCancelPlan: () => void;
}

/**
 * The app's keyboard shortcuts on the window: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo, S sonicate, A add a
 * spot at the target, Delete remove the selected spot, Escape cancel what runs. Keys typed into a text field,
 * a select or an editable element are left to it.
 */
export function useKeyboardShortcuts(callbacks: ShortcutCallbacks): void {
  const store = usePlannerStoreApi();
  const latest = useRef(callbacks);
  latest.current = callbacks;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = shortcutFor(e);
      if (!action) return;
      // Keys typed into a field are the field's, except undo/redo in a plan field with nothing typed in it (the
      // field stops the event itself when it has typed text to discard).
      const planUndo =
        (action === 'undo' || action === 'redo') &&
        e.target instanceof Element &&
        e.target.hasAttribute(PLAN_UNDO_ATTRIBUTE);
      if (isTypingTarget(e.target) && !planUndo) return;
      const s = store.getState();
      const busy = s.run.status === 'running' || s.planRun.status === 'running';
      switch (action) {
        case 'undo':
          if (busy) return;
          store.temporal.getState().undo();
          break;
        case 'redo':
          if (busy) return;
          store.temporal.getState().redo();
          break;
        case 'sonicate':
          if (e.repeat || busy || s.caseStatus !== 'ready') return;
          latest.current.onSonicate();
          break;
        case 'add-spot':
          if (e.repeat || busy) return;
          s.addSpot(spotAtTarget(s));
          break;
        case 'remove-spot':
          if (busy || !s.selectedSpotId) return;
          s.removeSpot(s.selectedSpotId);
          break;
        case 'cancel':
          if (s.planRun.status === 'running') latest.current.onCancelPlan();
          else if (s.run.status === 'running') latest.current.onCancelSonication();
          else return;
          break;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}

/** The keyboard shortcuts, listed. */
export function ShortcutHelp() {
  return (
    <details className="shortcut-help" data-testid="shortcut-help">
      <summary>Keyboard shortcuts</summary>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.keys} className="result-row">
            <dt>
              <kbd>{s.keys}</kbd>
            </dt>
            <dd>{s.what}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">
        Shortcuts are ignored while you type in a field, except Ctrl/⌘+Z: in a field it first discards what you typed
        but have not entered; pressed again (or with nothing typed) it undoes the last change to the plan.
      </p>
    </details>
  );
}

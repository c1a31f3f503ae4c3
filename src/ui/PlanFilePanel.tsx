import { useRef } from 'react';
import { useStore } from 'zustand';
import type { PlanFilesStoreApi, RecentEntry } from '../state/plan-files.ts';

export interface PlanFileActions {
  onSave(): void;
  onOpenFile(file: File): void;
  /** the mesh files a plan on an imported bone asked for */
  onMeshFiles(files: File[]): void;
  onCopyLink(): void;
  onReport(): void;
  onOpenRecent(id: string): void;
  onDismiss(): void;
}

const HOW: Record<RecentEntry['how'], string> = {
  saved: 'saved',
  opened: 'opened',
  link: 'from a link',
  replaced: 'replaced by another',
};

/** "14:05" today, else "3 Dec 14:05". */
function when(ms: number): string {
  const d = new Date(ms);
  const time = d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return d.toDateString() === new Date().toDateString()
    ? time
    : `${d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/**
 * The plan as the user's file: Save plan (a JSON file `npm run simulate` runs), Open plan… (or drop a file on the
 * page), Copy link, the printable report, and the recent plans to reopen. Says what happened, and when a file is
 * refused, which field and why (nothing is changed then).
 */
export function PlanFilePanel({ files, actions }: { files: PlanFilesStoreApi; actions: PlanFileActions }) {
  const message = useStore(files, (s) => s.message);
  const recent = useStore(files, (s) => s.recent);
  const busy = useStore(files, (s) => s.busy);
  const picker = useRef<HTMLInputElement>(null);
  return (
    <section className="plan-files" aria-label="Plan file" data-testid="plan-files">
      <h3 className="plan-files-title">Plan file</h3>
      <div className="plan-file-buttons">
        <button
          type="button"
          data-testid="plan-save"
          onClick={actions.onSave}
          disabled={busy}
          title="Download this plan as a JSON file: open it here again, or run it with npm run simulate"
        >
          Save plan
        </button>
        <button
          type="button"
          data-testid="plan-open"
          onClick={() => picker.current?.click()}
          disabled={busy}
          title="Open a plan file (.json); a plan of another case opens that case"
        >
          Open plan…
        </button>
        <button
          type="button"
          data-testid="plan-share"
          onClick={actions.onCopyLink}
          disabled={busy}
          title="Copy a link that opens this plan for anyone"
        >
          Copy link
        </button>
        <button
          type="button"
          data-testid="plan-report"
          onClick={actions.onReport}
          disabled={busy}
          title="A one-page report of the plan and its results, to print or save as PDF"
        >
          Report
        </button>
      </div>
      <input
        ref={picker}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="plan-open-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) actions.onOpenFile(file);
        }}
      />
      <p className="hint">
        The plan is kept in this browser as you work, per case; results are not (after a reload, Sonicate or Run plan
        again). Drop a plan file on the page to open it.
      </p>
      {message && (
        <div
          className={`plan-message ${message.kind}`}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="plan-message"
          data-kind={message.kind}
        >
          <p>{message.text}</p>
          {message.notes && message.notes.length > 0 && (
            <ul>
              {message.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          {message.needs && message.needs.length > 0 && (
            <label className="plan-needs">
              <span>
                Choose {message.needs.length === 1 ? 'the file' : `the ${message.needs.length} files`}:{' '}
                {message.needs.join(', ')}
              </span>
              <input
                type="file"
                multiple
                disabled={busy}
                data-testid="plan-mesh-input"
                onChange={(e) => {
                  const chosen = Array.from(e.target.files ?? []);
                  e.target.value = '';
                  if (chosen.length > 0) actions.onMeshFiles(chosen);
                }}
              />
            </label>
          )}
          {message.link && (
            <input
              type="text"
              readOnly
              value={message.link}
              data-testid="plan-link"
              aria-label="Link to this plan"
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
          <button type="button" className="small" data-testid="plan-message-dismiss" onClick={actions.onDismiss}>
            OK
          </button>
        </div>
      )}
      <details className="plan-recent" data-testid="plan-recent">
        <summary>Recent plans ({recent.length})</summary>
        {recent.length === 0 ? (
          <p className="hint">Plans you save, open or replace are listed here.</p>
        ) : (
          <ol>
            {recent.map((r, i) => (
              <li key={r.id}>
                <button
                  type="button"
                  className="link-button"
                  data-testid={`plan-recent-${i}`}
                  disabled={busy}
                  onClick={() => actions.onOpenRecent(r.id)}
                  title={`Open this plan (${r.caseTitle})`}
                >
                  {r.name}
                </button>
                <small>
                  {r.caseTitle} · {r.spots} {r.spots === 1 ? 'spot' : 'spots'} · {HOW[r.how]} {when(r.savedAt)}
                </small>
              </li>
            ))}
          </ol>
        )}
      </details>
    </section>
  );
}

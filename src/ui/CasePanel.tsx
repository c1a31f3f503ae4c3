import type { ReactNode } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { TISSUE_COLOURS, TISSUE_NAMES } from '../style/palette.ts';
import { NoPassPanel } from './NoPassPanel.tsx';
import { ProbePanel } from './ProbePanel.tsx';

export interface CaseChoice {
  id: string;
  title: string;
  description: string;
}

/**
 * Left panel: which case is open, its plan as a file (`children`: save, open, link, report), and its parts with
 * tissue colours, visibility and opacity.
 */
export function CasePanel({
  cases,
  onPickCase,
  children,
}: {
  cases: readonly CaseChoice[];
  onPickCase: (id: string) => void;
  children?: ReactNode;
}) {
  const caseId = usePlanner((s) => s.caseId);
  const caseStatus = usePlanner((s) => s.caseStatus);
  const caseError = usePlanner((s) => s.caseError);
  const parts = usePlanner((s) => s.parts);
  const setVisible = usePlanner((s) => s.setPartVisible);
  const setOpacity = usePlanner((s) => s.setPartOpacity);
  const description = cases.find((c) => c.id === caseId)?.description ?? '';
  // What a screen reader says for a part: its tissue in words and its label ("cortical bone, femur").
  const spoken = (part: (typeof parts)[number]) =>
    `${TISSUE_NAMES[part.tissue].toLowerCase()}${part.label ? `, ${part.label.replaceAll('-', ' ')}` : ''}`;

  return (
    <aside className="panel panel-left" aria-label="Case">
      <h2>Case</h2>
      <label className="field">
        {/* Not "Phantom": the list holds imported bones too. */}
        <span>Bone and phantom</span>
        <select data-testid="case-picker" value={caseId} onChange={(e) => onPickCase(e.target.value)}>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{description}</p>
      {caseStatus === 'loading' && <p role="status">Loading case…</p>}
      {caseStatus === 'error' && (
        <p role="alert" className="error">
          {caseError}
        </p>
      )}
      {children}
      <h3>Parts</h3>
      <ul className="parts" data-testid="parts-list">
        {parts.map((part) => (
          <li key={part.name} data-part={part.name} data-tissue={part.tissue}>
            <label className="part-toggle">
              <input
                type="checkbox"
                checked={part.visible}
                onChange={(e) => setVisible(part.name, e.target.checked)}
                aria-label={`Show ${spoken(part)}`}
              />
              <span className="swatch" style={{ background: TISSUE_COLOURS[part.tissue] }} aria-hidden="true" />
              <span className="part-name">
                {TISSUE_NAMES[part.tissue]}
                {part.label && <small> · {part.label.replaceAll('-', ' ')}</small>}
              </span>
            </label>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              value={part.opacity}
              onChange={(e) => setOpacity(part.name, Number(e.target.value))}
              aria-label={`Opacity of ${spoken(part)}`}
              disabled={!part.visible}
            />
          </li>
        ))}
      </ul>
      <NoPassPanel />
      <ProbePanel />
    </aside>
  );
}

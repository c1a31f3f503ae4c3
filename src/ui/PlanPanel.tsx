import { usePlanner } from '../state/hooks.ts';
import { BeamSummary } from './BeamSummary.tsx';
import { DISPLAY, formatQuantity } from './format.ts';
import { LiveEstimate } from './LiveEstimate.tsx';
import { RULES } from './plan-helpers.ts';
import { QuantityField } from './QuantityField.tsx';
import { ResultsCard } from './ResultsCard.tsx';
import { SafetyDashboard } from './SafetyDashboard.tsx';
import { Section } from './Section.tsx';
import { SliceControls } from './SliceControls.tsx';
import { SpotList } from './SpotList.tsx';
import { TargetPanel } from './TargetPanel.tsx';
import { TissuePanel } from './TissuePanel.tsx';
import { TransducerPanel } from './TransducerPanel.tsx';
import { describeOverrides } from './tissue-fields.ts';
import { ShortcutHelp, UndoRedo, useKeyboardShortcuts } from './UndoRedo.tsx';

export interface PlanPanelProps {
  /** Sonicate once at the target with the sonication parameters. */
  onSonicate: () => void;
  /** Cancel the running sonication. */
  onCancel: () => void;
  /** Run the plan's spots in order (absent = Run plan is disabled). */
  onRunPlan?: (() => void) | undefined;
  /** Cancel the running plan. */
  onCancelPlan?: (() => void) | undefined;
  /** Fill the plan with spots covering the lesion (absent = Cover the lesion is disabled). */
  onAutoSpots?: (() => void) | undefined;
}

/**
 * Right panel, the plan: undo/redo, the target, the transducer and its beams, the sonication with the live
 * estimate, Sonicate/Cancel with progress and the results, then the spots of the plan with Run plan, the safety
 * lights, the slices and, collapsed, the advanced tissue properties. Installs the keyboard shortcuts.
 */
export function PlanPanel({ onSonicate, onCancel, onRunPlan, onCancelPlan, onAutoSpots }: PlanPanelProps) {
  const transducer = usePlanner((s) => s.transducer);
  const sonication = usePlanner((s) => s.sonication);
  const setSonication = usePlanner((s) => s.setSonication);
  const run = usePlanner((s) => s.run);
  const beams = usePlanner((s) => s.estimate?.beams);
  const caseReady = usePlanner((s) => s.caseStatus === 'ready');
  const planRunning = usePlanner((s) => s.planRun.status === 'running');
  const tissueOverrides = usePlanner((s) => s.tissueOverrides);
  const changedTissues = describeOverrides(tissueOverrides);
  const running = run.status === 'running';
  const energy = sonication.acousticPower * sonication.duration;

  useKeyboardShortcuts({
    onSonicate,
    onCancelSonication: onCancel,
    onCancelPlan: onCancelPlan ?? (() => undefined),
  });

  return (
    <aside className="panel panel-right" aria-label="Plan">
      <div className="panel-title">
        <h2>Plan</h2>
        <UndoRedo />
      </div>

      <Section title="Target" testId="target">
        <TargetPanel />
      </Section>

      <Section title="Transducer" testId="transducer">
        <p className="hint" data-testid="transducer-summary">
          Phased array · {transducer.elementCount} elements ·{' '}
          {formatQuantity(transducer.frequency, DISPLAY.frequency.unit, DISPLAY.frequency.scale)} · focal length{' '}
          {formatQuantity(transducer.radiusOfCurvature, 'mm', 1e3)} · aperture{' '}
          {formatQuantity(transducer.aperture, 'mm', 1e3)}
        </p>
        <TransducerPanel />
      </Section>

      <Section title="Beams" testId="beams">
        {beams && (
          <p className="beam-counts" data-testid="beam-counts">
            Beams: <span className="beam-clear">{beams.counts.clear} clear</span>
            {beams.counts.bone > 0 && <span className="beam-bone"> · {beams.counts.bone} cross bone</span>}
            {beams.counts.gas > 0 && <span className="beam-gas"> · {beams.counts.gas} cross gas</span>}
            {beams.counts.critical > 0 && (
              <span className="beam-critical"> · {beams.counts.critical} cross a critical structure</span>
            )}
          </p>
        )}
        <BeamSummary />
      </Section>

      <Section title="Sonication" testId="sonication">
        <QuantityField
          label="Acoustic power"
          testId="param-power"
          valueSi={sonication.acousticPower}
          rule={RULES.power}
          disabled={running}
          onChange={(acousticPower) => setSonication({ acousticPower })}
        />
        <QuantityField
          label="Duration"
          testId="param-duration"
          valueSi={sonication.duration}
          rule={RULES.duration}
          disabled={running}
          onChange={(duration) => setSonication({ duration })}
        />
        <QuantityField
          label="Cooling after"
          testId="param-cooling"
          valueSi={sonication.cooling}
          rule={RULES.cooling}
          disabled={running}
          onChange={(cooling) => setSonication({ cooling })}
        />
        <p className="hint">Energy: {formatQuantity(energy, 'J')}</p>
        {changedTissues.length > 0 && (
          <p className="hint" data-testid="tissue-overrides-active">
            Changed tissue values (advanced settings) apply: {changedTissues.join('; ')}.
          </p>
        )}
        <LiveEstimate />
        <div className="actions">
          <button
            type="button"
            className="primary"
            data-testid="sonicate"
            onClick={onSonicate}
            disabled={running || planRunning || !caseReady}
            aria-keyshortcuts="S"
          >
            Sonicate
          </button>
          <button type="button" data-testid="cancel" onClick={onCancel} disabled={!running}>
            Cancel
          </button>
        </div>
        <div className="progress" aria-live="polite">
          <progress data-testid="progress" max={1} value={run.progress} aria-label="Sonication progress" />
          <span data-testid="run-status" data-status={run.status}>
            {run.status === 'running' ? `Sonicating… ${Math.round(run.progress * 100)} %` : run.message}
          </span>
        </div>
        <ResultsCard />
      </Section>

      <Section title="Spots of the plan" testId="spots">
        <SpotList onAutoSpots={onAutoSpots} onRunPlan={onRunPlan} onCancelPlan={onCancelPlan} />
      </Section>

      <Section title="Safety" testId="safety">
        <SafetyDashboard />
      </Section>

      <Section title="Slices" testId="slices">
        <SliceControls />
      </Section>

      <Section title="Tissue properties (advanced)" testId="tissues" defaultOpen={false}>
        <TissuePanel />
      </Section>

      <ShortcutHelp />
    </aside>
  );
}

import { TISSUES } from '../physics/tissues.ts';
import { radiatingAreaOf } from '../physics/transducer.ts';
import { usePlanner } from '../state/hooks.ts';
import { ActionBar } from './ActionBar.tsx';
import { BeamCounts, BeamSummary } from './BeamSummary.tsx';
import type { CoverSummary } from './cover-note.ts';
import { DRIVE_CONVENTION, driveOfPower, parseDrive } from './drive.ts';
import { DISPLAY, formatQuantity } from './format.ts';
import { LiveEstimate } from './LiveEstimate.tsx';
import { RULES } from './plan-helpers.ts';
import { ParsedField, QuantityField } from './QuantityField.tsx';
import { formatForField } from './quantity.ts';
import { ResultsCard } from './ResultsCard.tsx';
import { SafetyDashboard } from './SafetyDashboard.tsx';
import { Section } from './Section.tsx';
import { SliceControls } from './SliceControls.tsx';
import { SpotList } from './SpotList.tsx';
import { SteeredNote } from './SteeredNote.tsx';
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
  /** Spots covering the lesion, replacing or appended to those placed (absent = Cover the lesion is disabled). */
  onCoverLesion?: ((mode: 'replace' | 'append') => Promise<CoverSummary | undefined>) | undefined;
}

/**
 * Right panel, the plan: undo/redo, the target, the transducer and its beams, the sonication with the live
 * estimate and the results, then the spots of the plan with Run plan, the safety lights, the slices and, collapsed,
 * the advanced tissue properties. Sonicate, Cancel and the progress sit in a bar pinned to the panel's foot, on
 * screen without scrolling. Installs the keyboard shortcuts.
 */
export function PlanPanel({ onSonicate, onCancel, onRunPlan, onCancelPlan, onCoverLesion }: PlanPanelProps) {
  const transducer = usePlanner((s) => s.transducer);
  const sonication = usePlanner((s) => s.sonication);
  const setSonication = usePlanner((s) => s.setSonication);
  const running = usePlanner((s) => s.run.status === 'running');
  // Until the case is in, the target and the pose are placeholders (0 mm, 0°): they are not shown.
  const caseLoading = usePlanner((s) => s.caseStatus === 'loading');
  const tissueOverrides = usePlanner((s) => s.tissueOverrides);
  const changedTissues = describeOverrides(tissueOverrides);
  const energy = sonication.acousticPower * sonication.duration;
  const refusedAny = usePlanner((s) => s.refusedInputs.length > 0);
  const water = { ...TISSUES.water, ...tissueOverrides.water };
  const drive = { area: radiatingAreaOf(transducer), impedance: water.density * water.speedOfSound };
  const equivalent = driveOfPower(sonication.acousticPower, drive);

  useKeyboardShortcuts({
    onSonicate,
    onCancelSonication: onCancel,
    onCancelPlan: onCancelPlan ?? (() => undefined),
  });

  return (
    <aside className="panel panel-right" aria-label="Plan">
      <div className="panel-scroll" data-testid="plan-scroll">
        <div className="panel-title">
          <h2>Plan</h2>
          <UndoRedo />
        </div>

        <Section title="Target" testId="target">
          {caseLoading ? (
            <p className="hint" role="status" data-testid="target-loading">
              Loading the case: the target and the transducer’s place come with it.
            </p>
          ) : (
            <TargetPanel />
          )}
        </Section>

        <Section title="Transducer" testId="transducer">
          <p className="hint" data-testid="transducer-summary">
            Phased array · {transducer.elementCount} elements ·{' '}
            {formatQuantity(transducer.frequency, DISPLAY.frequency.unit, DISPLAY.frequency.scale)} · focal length{' '}
            {formatQuantity(transducer.radiusOfCurvature, 'mm', 1e3)} · aperture{' '}
            {formatQuantity(transducer.aperture, 'mm', 1e3)}
          </p>
          {!caseLoading && <TransducerPanel />}
        </Section>

        <Section title="Beams" testId="beams">
          <BeamCounts />
          <BeamSummary />
        </Section>

        <Section title="Sonication" testId="sonication">
          <SteeredNote />
          <ParsedField
            label="Acoustic power (or surface pressure, or velocity)"
            testId="param-power"
            value={sonication.acousticPower}
            parse={(text) => parseDrive(text, RULES.power, drive)}
            format={(v) => formatForField(v, RULES.power)}
            disabled={running}
            onChange={(acousticPower) => setSonication({ acousticPower })}
          />
          <p className="hint" data-testid="drive-equivalents" title={DRIVE_CONVENTION}>
            ≡ surface pressure {formatQuantity(equivalent.pressure, DISPLAY.pressure.unit, DISPLAY.pressure.scale)} ·
            velocity {formatQuantity(equivalent.velocity, 'm/s')} over {formatQuantity(drive.area, 'cm²', 1e4)} (
            {DRIVE_CONVENTION}); type any of the three.
          </p>
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
          <p className="hint">
            Energy: {formatQuantity(energy, 'J')}
            {refusedAny ? ' (for the last accepted settings)' : ''}
          </p>
          {changedTissues.length > 0 && (
            <p className="hint" data-testid="tissue-overrides-active">
              Changed tissue values (advanced settings) apply: {changedTissues.join('; ')}.
            </p>
          )}
          <LiveEstimate />
          <ResultsCard />
        </Section>

        <Section title="Spots of the plan" testId="spots">
          <SpotList onCoverLesion={onCoverLesion} onRunPlan={onRunPlan} onCancelPlan={onCancelPlan} />
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
      </div>
      <ActionBar onSonicate={onSonicate} onCancel={onCancel} onCancelPlan={onCancelPlan} />
    </aside>
  );
}

import { ExportButtons } from './ExportButtons.tsx';
import { MrThermometry } from './MrThermometry.tsx';
import { Playback } from './Playback.tsx';
import { TimePlots } from './TimePlots.tsx';
import { useShownRun } from './useShownRun.ts';

/**
 * The bottom "Time" panel: the replay controls and exports on top; temperature and dose against time beside the
 * simulated MR thermometry below. Everything follows playback.time and playback.source.
 */
export function TimePanel({ onSavePng }: { onSavePng?: (() => void) | undefined }) {
  const run = useShownRun();
  return (
    <section className="time-panel" aria-label="Time" data-testid="time-panel" data-source={run?.source ?? ''}>
      <div className="time-panel-bar">
        <h2>Time</h2>
        <Playback run={run} />
        <ExportButtons run={run} onSavePng={onSavePng} />
      </div>
      <div className="time-panel-body">
        <div className="time-panel-plots">
          <TimePlots run={run} height={150} />
        </div>
        <MrThermometry run={run} />
      </div>
    </section>
  );
}

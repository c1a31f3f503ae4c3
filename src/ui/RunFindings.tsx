import { usePlanner } from '../state/hooks.ts';
import { runFindingsText } from './run-findings.ts';

/** While a sonication runs: what it already knows, filled in as it computes (run-findings.ts). */
export function RunFindings() {
  const running = usePlanner((s) => s.run.status === 'running');
  const found = usePlanner((s) => s.run.found);
  const estimated = usePlanner((s) => s.estimate?.predictedPeakTemperature);
  if (!running) return null;
  const lines = runFindingsText(found, estimated);
  return (
    <ul className="run-findings" data-testid="run-findings" aria-label="So far">
      {lines.map((line) => (
        <li key={line.split(':')[0]}>{line}</li>
      ))}
    </ul>
  );
}

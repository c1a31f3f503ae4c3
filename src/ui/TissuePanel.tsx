import { useMemo } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { caseTissues, changedValueCount } from '../state/tissue-overrides.ts';
import { BoneBracket } from './BoneBracket.tsx';
import { TissueBlock } from './TissueBlock.tsx';
import { describeOverrides } from './tissue-fields.ts';

/**
 * Advanced settings: the properties of every tissue of the loaded case (ρ, c, α0, y, absorbed fraction, c_p, k,
 * perfusion, and shear for bone), typed with units and sent with every request. Changes are part of the plan:
 * Undo and Redo cover them.
 */
export function TissuePanel() {
  const parts = usePlanner((s) => s.parts);
  const overrides = usePlanner((s) => s.tissueOverrides);
  const resetAll = usePlanner((s) => s.resetAllTissues);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  const tissues = useMemo(() => caseTissues(parts), [parts]);
  const count = changedValueCount(overrides);
  return (
    <div className="tissue-panel" data-testid="tissue-panel" data-changed={count}>
      <p className="hint">
        The values each tissue of this case is simulated with. Type a value with its unit (e.g. "1.9 g/cm³", "4.74
        dB/cm" at 1 MHz, "36.7 mL/min/kg" of blood flow); a change applies to the next estimate, sonication and plan,
        and Undo takes it back. Hover a field for its built-in value; the sources are under each tissue.
      </p>
      <BoneBracket tissues={tissues} disabled={busy} />
      <p className="tissue-changes" data-testid="tissue-changes">
        {count === 0
          ? 'Every value is the built-in one.'
          : `${count} ${count === 1 ? 'value differs' : 'values differ'} from the built-in ones: ${describeOverrides(overrides).join('; ')}.`}
      </p>
      <button type="button" data-testid="tissues-reset-all" disabled={busy || count === 0} onClick={resetAll}>
        Reset every tissue
      </button>
      {tissues.map((t) => (
        <TissueBlock key={t} tissue={t} disabled={busy} />
      ))}
    </div>
  );
}

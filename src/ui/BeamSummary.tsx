import { usePlanner } from '../state/hooks.ts';
import { BEAM_COLOURS } from '../style/palette.ts';

export type BeamKind = keyof typeof BEAM_COLOURS;

/** Each beam status in the product's words, its colour and whether it is drawn dashed (PRODUCT.md). */
export const BEAM_KINDS: readonly { kind: BeamKind; label: string; dashed: boolean }[] = [
  { kind: 'clear', label: 'clear path', dashed: false },
  { kind: 'bone', label: 'crosses bone before the target', dashed: false },
  { kind: 'gas', label: 'through gas', dashed: false },
  { kind: 'critical', label: 'through a critical structure', dashed: true },
  { kind: 'nopass', label: 'through a no-pass region', dashed: true },
  { kind: 'angle', label: 'beyond the critical angle at bone', dashed: false },
  { kind: 'off', label: 'switched off', dashed: false },
];

/** A short line in a beam's colour, dashed where the 3D view dashes it. */
export function BeamSwatch({ kind }: { kind: BeamKind }) {
  const colour = BEAM_COLOURS[kind];
  const dashed = BEAM_KINDS.find((k) => k.kind === kind)?.dashed ?? false;
  return (
    <span
      className="beam-swatch"
      aria-hidden="true"
      style={
        dashed
          ? { background: `repeating-linear-gradient(90deg, ${colour} 0 4px, transparent 4px 7px)` }
          : { background: colour }
      }
    />
  );
}

/**
 * How many beams have each status, from the live estimate (every status, including angle, no-pass and off). Statuses with no beams are listed faintly so the legend is whole.
 */
export function BeamSummary() {
  const source: Partial<Record<BeamKind, number>> | undefined = usePlanner((s) => s.estimate?.beams.allCounts);
  if (!source) {
    return (
      <p className="hint" data-testid="beam-summary">
        Beams appear once the case has loaded.
      </p>
    );
  }
  return (
    <ul className="beam-summary" data-testid="beam-summary" aria-label="Beams by status">
      {BEAM_KINDS.map(({ kind, label }) => {
        const n = source[kind] ?? 0;
        return (
          <li key={kind} className={n === 0 ? 'none' : undefined} data-status={kind}>
            <BeamSwatch kind={kind} />
            <span className="beam-summary-label">{label}</span>
            <span className="beam-summary-count" data-testid={`beam-count-${kind}`}>
              {n}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

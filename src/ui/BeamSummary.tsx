import { useMemo } from 'react';
import { type BeamTally, tallyBeams } from '../state/beam-tally.ts';
import { usePlanner } from '../state/hooks.ts';
import { transducerInBodyBlocker } from '../state/selectors.ts';
import { BEAM_COLOURS } from '../style/palette.ts';
import { beyondFocusLine } from './beyond-focus.ts';

export type BeamKind = keyof typeof BEAM_COLOURS;

/** Each beam status in the product's words, its colour and whether it is drawn dashed (PRODUCT.md). */
export const BEAM_KINDS: readonly { kind: BeamKind; label: string; short: string; dashed: boolean }[] = [
  { kind: 'clear', label: 'clear path', short: 'clear', dashed: false },
  { kind: 'bone', label: 'crosses bone before the target', short: 'cross bone', dashed: false },
  { kind: 'gas', label: 'through gas', short: 'through gas', dashed: false },
  { kind: 'critical', label: 'through a critical structure', short: 'through a critical structure', dashed: true },
  { kind: 'nopass', label: 'through a no-pass region', short: 'through a no-pass region', dashed: true },
  { kind: 'angle', label: 'beyond the critical angle at bone', short: 'beyond the critical angle', dashed: false },
  { kind: 'off', label: 'switched off', short: 'switched off', dashed: false },
];

/**
 * A short line in a beam's colour, dashed where the 3D view dashes it, dotted for a beam's continuation past the
 * focus (`dots`).
 */
export function BeamSwatch({ kind, dots = false }: { kind: BeamKind; dots?: boolean }) {
  const colour = BEAM_COLOURS[kind];
  const dashed = BEAM_KINDS.find((k) => k.kind === kind)?.dashed ?? false;
  const pattern = dots ? '0 2px, transparent 2px 4px' : dashed ? '0 4px, transparent 4px 7px' : undefined;
  return (
    <span
      className="beam-swatch"
      aria-hidden="true"
      style={
        pattern ? { background: `repeating-linear-gradient(90deg, ${colour} ${pattern})` } : { background: colour }
      }
    />
  );
}

/** The live estimate's beams, each counted once as drawn (the panel's counts and the beam key's). */
export function useBeamTally(): BeamTally | undefined {
  const beams = usePlanner((s) => s.estimate?.beams);
  // A source inside the tissue has no path from the water to judge: no counts then ("208 clear" read beside the
  // transducer inside the thigh, in a walk).
  return useMemo(() => (beams && !(beams.inTissue > 0) ? tallyBeams(beams) : undefined), [beams]);
}

/**
 * One line over the beams: every status that has beams, in words, and how many beams there are in all. Each beam
 * is counted once, as drawn (state/beam-tally.ts), so the numbers add up to the total.
 */
export function BeamCounts() {
  const tally = useBeamTally();
  const beams = usePlanner((s) => s.estimate?.beams);
  const inBody = usePlanner(transducerInBodyBlocker);
  if (inBody) {
    // "Clear" describes the path from a source to the focus; a source inside the tissue has no such path.
    return (
      <p className="hint blocked" role="status" data-testid="beam-in-body">
        {inBody}
      </p>
    );
  }
  if (!tally) return null;
  const shown = BEAM_KINDS.filter(({ kind }) => tally.counts[kind] > 0);
  return (
    <>
      <p className="beam-counts" data-testid="beam-counts" data-total={tally.total}>
        Beams:{' '}
        {shown.map(({ kind, short }, i) => (
          <span key={kind} className={`beam-${kind}`} data-testid={`beam-counts-${kind}`}>
            {i > 0 && ' · '}
            {tally.counts[kind]} {short}
          </span>
        ))}{' '}
        ({tally.total} in all)
      </p>
      {tally.counts.angle > 0 && (
        // The automatic switch-off leaves them on (they are not unsafe in themselves): a walk ticked it for 85 such
        // beams and saw nothing change, with no word of what would.
        <p className="hint" data-testid="beam-angle-why">
          {tally.counts.angle === 1 ? '1 beam meets' : `${tally.counts.angle} beams meet`} bone beyond its critical
          angle on the way to the focus: little of their sound enters the bone as a pressure wave; the rest is reflected
          or heats the bone’s surface. Tilt the transducer (Tilt, Azimuth) so they meet the bone more squarely, or
          switch those elements off by hand.
        </p>
      )}
      {beams?.beyond && (
        <p className="hint beam-beyond" role="status" data-testid="beam-beyond">
          <BeamSwatch kind={beams.beyond.gas ? 'gas' : 'critical'} dots />{' '}
          {beyondFocusLine(beams.beyond, beams.activeCount)}
        </p>
      )}
    </>
  );
}

/**
 * How many beams have each status, from the live estimate: every status, each beam once (a beam that does not fire is
 * 'switched off', whatever it would cross). Statuses with no beams are listed faintly so the legend is whole.
 */
export function BeamSummary() {
  const tally = useBeamTally();
  const inBody = usePlanner((s) => (s.estimate?.beams.inTissue ?? 0) > 0);
  if (!tally) {
    return (
      <p className="hint" data-testid="beam-summary">
        {inBody
          ? 'No beam is judged while the transducer is inside the body (said above).'
          : 'Beams appear once the case has loaded.'}
      </p>
    );
  }
  return (
    <>
      <ul className="beam-summary" data-testid="beam-summary" aria-label="Beams by status" data-total={tally.total}>
        {BEAM_KINDS.map(({ kind, label }) => {
          const n = tally.counts[kind];
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
      {tally.counts.off > 0 && (
        <p className="hint" data-testid="beam-off-why">
          Switched off: {tally.offByHand} by hand, {tally.offByRule} by the automatic rule (they would cross gas, a
          critical structure or a no-pass region).
        </p>
      )}
    </>
  );
}

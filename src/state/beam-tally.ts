import { BEAM_STATUS_CODES, type BeamStatus } from '../geometry/beam-status.ts';

/** The trace fields a tally reads: per beam, its status code and whether it fires. */
export interface TracedBeams {
  statuses: ArrayLike<number>;
  /** per beam, 1 = it fires; absent = every beam not switched off by hand fires */
  firing?: ArrayLike<number>;
}

export interface BeamTally {
  /** beams traced: the array's elements, the free beams, or a single-element bowl's sample */
  total: number;
  /** per status, the beams shown with it; a beam that does not fire counts as 'off' only. Sums to `total`. */
  counts: Record<BeamStatus, number>;
  /** of the 'off' beams, those switched off by hand */
  offByHand: number;
  /** of the 'off' beams, those the automatic rule switched off (they cross gas, a critical structure or a no-pass region) */
  offByRule: number;
}

/** One beam as the 3D view draws it: its traced status, and whether it fires (see tallyBeams). */
export function beamAt(trace: TracedBeams, e: number): { status: BeamStatus; fires: boolean } {
  const status = BEAM_STATUS_CODES[trace.statuses[e] as number] ?? 'clear';
  return { status, fires: trace.firing ? trace.firing[e] !== 0 : status !== 'off' };
}

/**
 * Counts every beam exactly once, as the 3D view draws it: a beam that does not fire is 'off' (grey), whatever it
 * would cross; every other beam counts under its traced status. The counts add up to the number of beams.
 * @param trace - statuses (codes of BEAM_STATUS_CODES) and the firing mask
 * @returns per-status counts and how many beams are off by hand and by the rule
 */
export function tallyBeams(trace: TracedBeams): BeamTally {
  const counts = Object.fromEntries(BEAM_STATUS_CODES.map((s) => [s, 0])) as Record<BeamStatus, number>;
  let offByHand = 0;
  let offByRule = 0;
  const n = trace.statuses.length;
  for (let e = 0; e < n; e++) {
    const { status, fires } = beamAt(trace, e);
    if (fires) {
      counts[status] += 1;
      continue;
    }
    counts.off += 1;
    if (status === 'off') offByHand++;
    else offByRule++;
  }
  return { total: n, counts, offByHand, offByRule };
}

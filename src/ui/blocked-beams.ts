/** Firing beams per blocking status: those Run plan blocks a spot for (engine/run-plan.ts). */
export interface BlockedBeams {
  gas: number;
  nopass: number;
}

/** "1 firing beam", "12 firing beams". */
export const firingBeams = (n: number): string => `${n} firing ${n === 1 ? 'beam' : 'beams'}`;

import type { InterruptedRun } from '../state/store.ts';

/**
 * What a new page says of the run its reload (or leaving the page) stopped or cleared, with what to do.
 * @param lost - what was stopped or cleared
 * @returns one sentence or two
 */
export function interruptedText(lost: InterruptedRun): string {
  const kept = 'Results live only in the open page; your plan and settings are kept.';
  if (lost.kind === 'plan' && !lost.running) {
    return `The plan’s results were cleared when the page was reloaded or left. ${kept} Run plan computes them again.`;
  }
  if (lost.kind === 'plan') {
    return `The page was reloaded or left while the plan was running (${Math.round(lost.progress * 100)} % done), which stopped it. ${kept} Run plan runs it again.`;
  }
  return `The page was reloaded or left while a sonication was running, which stopped it. ${kept} Sonicate runs it again.`;
}

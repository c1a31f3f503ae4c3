import type { Machine } from './measure.ts';

/** A target of the issue "Speed at the machine's limit" (issue 9, deliverable 5). */
export interface Target {
  value: number;
  /** whether the figure must stay at or below the target (times, memory) or reach it (throughput) */
  kind: 'at most' | 'at least';
}

/** One phase of a run and its wall time [ms] (or, with `unit`, another share of the figure, e.g. MB). */
export interface Phase {
  phase: string;
  ms: number;
  /** the process's CPU time in it [ms], where known */
  cpu?: number;
  unit?: Unit;
}

/** One figure of the bench: what was measured, beside its target and the straightforward implementation. */
export interface Row {
  id: string;
  figure: string;
  measured: number;
  /** the process's CPU time for the same work (wall-time figures in Node), in the figure's unit */
  cpu?: number;
  unit: Unit;
  target?: Target;
  /** the same work by the straightforward implementation (plain JavaScript, Float64, fft.js) */
  baseline?: { value: number; name: string };
  /** how the figure was obtained where it is not the plain measurement (extrapolated, Node not browser, …) */
  notes: string[];
  /** where the time goes (for every missed time target) */
  phases?: Phase[];
  /** what would close a missed target (closing.ts), one step per line */
  close?: string[];
  /** anything else worth keeping in the JSON */
  detail?: Record<string, unknown>;
}

/** How a figure is shown. 'rate' is per second, higher is better; times and sizes are lower-is-better. */
export type Unit = 'ms' | 's' | 'MB' | 'terms/s' | 'voxel-steps/s' | 'count' | '%';

export function met(row: Row): boolean | undefined {
  if (!row.target) return undefined;
  return row.target.kind === 'at most' ? row.measured <= row.target.value : row.measured >= row.target.value;
}

/** Speed-up of the measured figure over its baseline (> 1: faster than the straightforward implementation). */
export function ratio(row: Row): number | undefined {
  if (!row.baseline || row.baseline.value === 0 || row.measured === 0) return undefined;
  const higherIsBetter = row.unit === 'terms/s' || row.unit === 'voxel-steps/s' || row.unit === '%';
  return higherIsBetter ? row.measured / row.baseline.value : row.baseline.value / row.measured;
}

export function format(value: number, unit: Unit): string {
  switch (unit) {
    case 'terms/s':
    case 'voxel-steps/s':
      return `${value.toExponential(2).replace('e+', 'e')} ${unit}`;
    case 'ms':
      return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'MB':
      return `${value.toFixed(0)} MB`;
    case 'count':
      return `${value}`;
    case '%':
      return `${value.toFixed(1)} %`;
  }
}

function targetText(row: Row): string {
  if (!row.target) return '—';
  return `${row.target.kind === 'at most' ? '≤' : '≥'} ${format(row.target.value, row.unit)}`;
}

/** The cells of one table line: figure | measured | target | met? | baseline | ratio. */
function cells(row: Row): string[] {
  const ok = met(row);
  const r = ratio(row);
  return [
    row.figure,
    row.cpu === undefined
      ? format(row.measured, row.unit)
      : `${format(row.measured, row.unit)} (CPU ${format(row.cpu, row.unit)})`,
    targetText(row),
    ok === undefined ? '—' : ok ? 'yes' : '**no**',
    row.baseline ? `${format(row.baseline.value, row.unit)} (${row.baseline.name})` : '—',
    r === undefined ? '—' : `${r.toFixed(1)}×`,
  ];
}

const HEADER = ['figure', 'measured', 'target', 'met?', 'baseline (straightforward)', 'ratio'];

function loadLine(m: Machine): string {
  const end = m.loadEnd ? `, end ${m.loadEnd.join(' / ')}` : '';
  return `load average (1/5/15 min): start ${m.loadStart.join(' / ')}${end} on ${m.cores} cores`;
}

/** The table as plain text for the terminal, with the notes and the phase breakdowns of the misses below it. */
export function textReport(rows: readonly Row[], m: Machine): string {
  const table = [HEADER, ...rows.map((r) => cells(r).map((c) => c.replaceAll('**', '')))];
  const widths = HEADER.map((_, i) => Math.max(...table.map((line) => (line[i] as string).length)));
  const line = (parts: string[]) => parts.map((p, i) => p.padEnd(widths[i] as number)).join(' │ ');
  const out = [
    `FUS Planner bench · ${m.date} · commit ${m.commit ?? '?'}${m.uncommittedSrc ? ` (+${m.uncommittedSrc} uncommitted src files)` : ''} · Node ${m.node} · ${m.cpu}`,
    loadLine(m),
    '',
    line(table[0] as string[]),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...table.slice(1).map((l) => line(l)),
    '',
    ...notes(rows, (s) => s),
  ];
  return out.join('\n');
}

/**
 * Notes of every row, then where the time goes for every missed target.
 * @param most - at most this many phases per miss (the README's short form; the JSON has them all)
 */
function notes(rows: readonly Row[], em: (s: string) => string, most = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  for (const row of rows) {
    if (row.notes.length === 0) continue;
    out.push(`- ${em(row.figure)}: ${row.notes.join(' ')}`);
  }
  const misses = rows.filter((r) => met(r) === false);
  if (misses.length > 0) {
    out.push(
      '',
      `Where the time goes and what would close it (${misses.length} target${misses.length > 1 ? 's' : ''} missed):`,
    );
    for (const row of misses) {
      out.push(`- ${em(row.figure)}: ${format(row.measured, row.unit)} against ${targetText(row)}`);
      const phases = row.phases ?? [];
      for (const p of phases.slice(0, most)) {
        const cpu = p.cpu === undefined ? '' : ` (CPU ${format(p.cpu, 'ms')})`;
        out.push(`    - ${p.phase}: ${format(p.ms, p.unit ?? 'ms')}${cpu}`);
      }
      if (phases.length > most) out.push(`    - … ${phases.length - most} more in the JSON and the bench's own output`);
      for (const step of row.close ?? []) out.push(`    - ${em('what would close it')}: ${step}`);
    }
  }
  return out;
}

/** The same as a Markdown table for the README, laid out as a Markdown formatter would (padded columns). */
export function markdownReport(rows: readonly Row[], m: Machine): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const table = [HEADER, ...rows.map((r) => cells(r).map(esc))];
  const widths = HEADER.map((_, i) => Math.max(3, ...table.map((line) => (line[i] as string).length)));
  const line = (parts: string[]) => `| ${parts.map((p, i) => p.padEnd(widths[i] as number)).join(' | ')} |`;
  const out = [
    `Measured ${m.date.slice(0, 10)} at commit \`${m.commit ?? '?'}\`${m.uncommittedSrc ? ` (+${m.uncommittedSrc} uncommitted src files of work in progress)` : ''}, Node ${m.node}, ${m.cpu}, ${loadLine(m)}.`,
    '',
    line(table[0] as string[]),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...table.slice(1).map((l) => line(l)),
    '',
    ...notes(rows, (s) => `_${s}_`, 12).map((l) => l.replace(/^ {4}- /, '  - ')),
  ];
  // A blank line before the "where the time goes" list, as Markdown wants after a paragraph.
  return out.join('\n').replace(/\n(Where the time goes[^\n]*)\n/, '\n$1\n\n');
}

import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { PRESETS } from '../physics/transducer.ts';
import { DEFAULT_GRID } from '../plan-file/fields.ts';
import { PlanFileError } from '../plan-file/parse.ts';
import { DEFAULT_SAFETY_THRESHOLDS } from '../state/safety-defaults.ts';
import { sameData } from '../state/same-data.ts';
import type { PlanFile } from './plan-file.ts';

/**
 * A plan carried in a link: the plan file, its defaults left out, compressed with lz-string into the URL's fragment
 * (`#plan=…`). The fragment never reaches a server, so a link works from any static copy of the app and tells the
 * host nothing. Opening the link reads it as a plan file, so it opens the same plan a file would (same case, target,
 * spots, limits…).
 */

/** The fragment's key. */
export const LINK_KEY = 'plan';

const GEOMETRY_KEYS = [
  'radiusOfCurvature',
  'aperture',
  'centralHoleDiameter',
  'elementCount',
  'elementDiameter',
  'frequency',
] as const;

/**
 * The plan with what a reader fills in by itself left out (the units note, the default grid, field model, aberration
 * correction, empty lists, default limits), and a transducer that is exactly a preset named by it. Reads back to
 * the same plan.
 * @param file - a plan file the app wrote
 * @returns a smaller plan file
 */
export function compactPlan(file: PlanFile): PlanFile {
  const out: PlanFile = { ...file };
  delete out.units;
  if (out.grid && sameData(out.grid, DEFAULT_GRID)) delete out.grid;
  if (out.fieldModel === 'whole-path') delete out.fieldModel;
  if (out.aberrationCorrection === true) delete out.aberrationCorrection;
  if (out.tissues && Object.keys(out.tissues).length === 0) delete out.tissues;
  if (out.safety && sameData(out.safety, DEFAULT_SAFETY_THRESHOLDS)) delete out.safety;
  const t = out.transducer;
  for (const [id, preset] of Object.entries(PRESETS) as [
    keyof typeof PRESETS,
    (typeof PRESETS)[keyof typeof PRESETS],
  ][]) {
    if (GEOMETRY_KEYS.every((k) => t[k] === preset[k])) out.transducer = { preset: id };
  }
  if (out.planning) {
    const p: Record<string, unknown> = { ...out.planning };
    const defaults: Record<string, unknown> = { autoSwitchOff: false, freeBeamMode: false, targetSnap: 'inside' };
    for (const [key, value] of Object.entries(p)) {
      if ((Array.isArray(value) && value.length === 0) || (key in defaults && defaults[key] === value)) delete p[key];
    }
    if (Object.keys(p).length === 0) delete out.planning;
    else out.planning = p as NonNullable<PlanFile['planning']>;
  }
  return out;
}

export type LinkResult = { ok: true; url: string } | { ok: false; reason: string };

/**
 * The link that opens a plan.
 * @param file - a plan file the app wrote
 * @param base - the app's address (origin and path), without a fragment
 * @returns the URL, or why the plan cannot travel in a link
 */
export function planLink(file: PlanFile, base: string): LinkResult {
  if (file.medium.type !== 'phantom') {
    // An imported bone (issue 12) is too large for a URL: the plan then travels as a file with its mesh files.
    const names = file.medium.type === 'mesh' ? ` (${file.medium.parts.map((p) => p.file).join(', ')})` : '';
    return {
      ok: false,
      reason: `No link: this plan is on an imported bone, and a link cannot carry the bone. Save the plan and send the plan file with its mesh files${names}.`,
    };
  }
  return { ok: true, url: `${base}#${LINK_KEY}=${compressToEncodedURIComponent(JSON.stringify(compactPlan(file)))}` };
}

/**
 * The plan a link carries, as parsed JSON (read it with readPlanJson).
 * @param hash - the URL's fragment (`location.hash`, with or without its '#')
 * @returns the JSON value, or undefined when the fragment carries no plan
 * @throws PlanFileError when it carries one that cannot be read (cut short, or not JSON)
 */
export function planFromFragment(hash: string): unknown {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  // URLSearchParams would read a '+' as a space: take the raw value (encodeURIComponent-safe already).
  const raw = /(?:^|&)plan=([^&]*)/.exec(hash.replace(/^#/, ''))?.[1];
  if (!params.has(LINK_KEY) || raw === undefined) return undefined;
  const text = decompressFromEncodedURIComponent(raw);
  if (!text) throw new PlanFileError('', 'the link’s plan cannot be read: the link may have been cut short');
  try {
    return JSON.parse(text);
  } catch {
    throw new PlanFileError('', 'the link’s plan cannot be read: the link may have been cut short');
  }
}

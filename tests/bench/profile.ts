import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from '@playwright/test';

/**
 * Where the main thread's time goes during one window of the browser session: a CPU profile (Chrome DevTools
 * Protocol, sampling every 0.5 ms) of the page's main thread, its self time summed per original source file and per
 * function through the build's source maps (the production build is minified; vite writes the maps beside it).
 */

/** A profile node as the DevTools protocol gives it (the fields used here). */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time of the main thread in one window, by source and by function [ms]. */
export interface MainThreadProfile {
  /** everything sampled, idle excluded [ms] */
  busy: number;
  bySource: { source: string; ms: number }[];
  byFunction: { fn: string; ms: number }[];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map, decoded into per-line segments: [generated column, source, line, column, name]. */
class SourceMap {
  private readonly lines: number[][][];
  private readonly sources: string[];
  private readonly names: string[];

  constructor(json: { sources: string[]; names: string[]; mappings: string }) {
    this.sources = json.sources.map(shortSource);
    this.names = json.names;
    this.lines = [];
    const state = [0, 0, 0, 0, 0];
    for (const line of json.mappings.split(';')) {
      state[0] = 0;
      const segments: number[][] = [];
      for (const text of line.split(',')) {
        if (text === '') continue;
        const fields = decodeVlq(text);
        const segment: number[] = [];
        for (let i = 0; i < fields.length; i++) {
          state[i] = (state[i] as number) + (fields[i] as number);
          segment.push(state[i] as number);
        }
        segments.push(segment);
      }
      this.lines.push(segments);
    }
  }

  /** The original source and function name at a generated position (0-based line and column). */
  at(line: number, column: number): { source: string; line: number; name?: string } | undefined {
    const segments = this.lines[line];
    if (!segments) return undefined;
    let found: number[] | undefined;
    for (const s of segments) {
      if ((s[0] as number) > column) break;
      found = s;
    }
    if (!found || found.length < 4) return undefined;
    const name = found.length >= 5 ? this.names[found[4] as number] : undefined;
    return {
      source: this.sources[found[1] as number] ?? '?',
      line: (found[2] as number) + 1,
      ...(name ? { name } : {}),
    };
  }
}

function decodeVlq(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of text) {
    const digit = BASE64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** `../../node_modules/three/build/three.module.js` → `three`; `../src/scene/X.tsx` → `src/scene/X.tsx`. */
function shortSource(source: string): string {
  const s = source.replace(/^(\.\.\/|\.\/)+/, '').replace(/^\/?(work\/)?[^/]*\/?(?=src\/|node_modules\/)/, '');
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(s);
  return nm ? (nm[1] as string) : s;
}

/** Source maps of a build directory, read on demand (by the script's URL path). */
export class BuildMaps {
  private readonly maps = new Map<string, SourceMap | null>();
  constructor(private readonly dir: string) {}

  of(url: string): SourceMap | undefined {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
    if (!this.maps.has(path)) {
      const file = join(this.dir, `${path}.map`);
      this.maps.set(path, existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8'))) : null);
    }
    return this.maps.get(path) ?? undefined;
  }
}

export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
}

/** Stops the profiler and sums the main thread's self time by source file and function. */
export async function stopProfile(cdp: CDPSession, maps: BuildMaps, top = 12): Promise<MainThreadProfile> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i: attribute it to that sample's node [µs].
    const id = profile.samples[i] as number;
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const bySource = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') continue;
    busy += us;
    let source: string;
    let fn: string;
    if (url === '') {
      // (program): the browser's own work on the main thread (style, layout, paint, GL calls); (garbage collector).
      source = functionName || '(native)';
      fn = source;
    } else {
      const original = maps.of(url)?.at(lineNumber, columnNumber);
      source = original?.source ?? new URL(url).pathname;
      fn = `${original?.name ?? (functionName || '(anonymous)')} (${source}${original ? `:${original.line}` : ''})`;
    }
    bySource.set(source, (bySource.get(source) ?? 0) + us);
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const sorted = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, v / 1000] as const);
  return {
    busy: busy / 1000,
    bySource: sorted(bySource).map(([source, ms]) => ({ source, ms })),
    byFunction: sorted(byFunction).map(([fn, ms]) => ({ fn, ms })),
  };
}

import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { BEAM_STATUS_CODES } from '../../src/geometry/beam-status.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import type { PlannerStore } from '../../src/state/store.ts';
import { ElementMap } from '../../src/ui/ElementMap.tsx';
import { type ArrowKey, elementMap, elementState, neighbourOf } from '../../src/ui/element-map.ts';
import { renderWithStore } from '../fixtures/planner-store.ts';

// Issue 13, item 6: switching elements off is reachable by keyboard — a map of the array's face, one toggle button
// per element named in plain words, one Tab stop, arrow keys between the elements.

const map = elementMap(PRESETS.clinicalBodyArray);
const ARROWS: ArrowKey[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
const code = (status: string) => BEAM_STATUS_CODES.indexOf(status as never);

describe('the map of the array’s face', () => {
  it('places every element of the clinical array inside the round map, in the estimate’s order', () => {
    expect(map).toHaveLength(208);
    expect(map.map((m) => m.index)).toEqual([...Array(208).keys()]);
    for (const m of map) expect(Math.hypot(m.x - 0.5, m.y - 0.5)).toBeLessThanOrEqual(0.5);
  });

  it('has nothing to switch on a single-element bowl', () => {
    expect(elementMap(PRESETS.singleElementBowl)).toEqual([]);
  });

  it('moves each arrow toward its side of the map, and stays put at the edge', () => {
    const at = (i: number) => map[i] as (typeof map)[number];
    for (const from of [0, 50, 120, 207]) {
      const right = neighbourOf(map, from, 'ArrowRight');
      if (right !== from) expect(at(right).x).toBeGreaterThan(at(from).x);
      const down = neighbourOf(map, from, 'ArrowDown');
      if (down !== from) expect(at(down).y).toBeGreaterThan(at(from).y);
    }
    const rightmost = map.reduce((a, b) => (b.x > a.x ? b : a));
    expect(neighbourOf(map, rightmost.index, 'ArrowRight')).toBe(rightmost.index);
  });

  it('reaches every element from the first by arrow keys alone', () => {
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length > 0) {
      const from = queue.shift() as number;
      for (const key of ARROWS) {
        const to = neighbourOf(map, from, key);
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect(seen.size).toBe(208);
  });
});

describe('an element’s button', () => {
  const trace = {
    statuses: Uint8Array.from([code('clear'), code('bone'), code('gas'), code('off')]),
    firing: Uint8Array.from([1, 1, 0, 0]),
  };

  it('is named by its number and its beam in the beam key’s words, pressed while it is switched on', () => {
    expect(elementState(trace, 0, [3])).toEqual({ on: true, status: 'clear', name: 'Element 1: clear path' });
    expect(elementState(trace, 1, [3]).name).toBe('Element 2: crosses bone before the target');
    expect(elementState(trace, 2, [3])).toEqual({
      on: true,
      status: 'off',
      name: 'Element 3: through gas, switched off automatically',
    });
    expect(elementState(trace, 3, [3])).toEqual({ on: false, status: 'off', name: 'Element 4: switched off' });
  });

  it('is named by its number alone before the first estimate', () => {
    expect(elementState(undefined, 6, [])).toEqual({ on: true, status: 'clear', name: 'Element 7' });
  });
});

describe('the element map in the transducer panel', () => {
  it('renders one toggle button per element, one of them in the tab order, switched-off ones not pressed', () => {
    const html = renderWithStore((store) => {
      const s = store.getState();
      s.setElementsOff([5]);
      const statuses = new Uint8Array(208);
      statuses[7] = code('bone');
      statuses[5] = code('off');
      s.setEstimate({
        beams: {
          inTissue: 0,
          elementPositions: new Float32Array(3 * 208),
          statuses,
          counts: {} as NonNullable<PlannerStore['estimate']>['beams']['counts'],
          firing: Uint8Array.from(statuses, (c) => (c === code('off') ? 0 : 1)),
          activeCount: 207,
          lostAperture: 1 / 208,
          allCounts: {},
        },
        focalPressure: 1,
        focalGain: 1,
        focusTissue: 'lesion',
        predictedPeakTemperature: 60,
        steeringLoss: 1,
        beyondSteeringRange: false,
        elapsedMs: 1,
      });
    }, createElement(ElementMap));
    const buttons = [...html.matchAll(/<button [^>]*>/g)].map((m) => m[0]);
    expect(buttons).toHaveLength(208);
    expect(buttons.filter((b) => b.includes('tabindex="0"'))).toHaveLength(1);
    expect(html).toMatch(/aria-pressed="false"[^>]*aria-label="Element 6: switched off"/);
    expect(html).toMatch(/aria-pressed="true"[^>]*aria-label="Element 8: crosses bone before the target"/);
    expect(html).toContain('<legend>Elements of the array</legend>');
  });
});

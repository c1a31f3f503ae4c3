import { describe, expect, it } from 'vitest';
import { curveEmphasis, isSpotLabel, MANY_SPOT_CURVES, withAlpha } from '../../src/ui/curve-emphasis.ts';
import { activeSpotAt } from '../../src/ui/shown-run.ts';

const spots = (n: number) => Array.from({ length: n }, (_, i) => `spot ${i + 1}`);

describe('which curves of a time plot stand out', () => {
  it('draws every curve in full up to MANY_SPOT_CURVES spots, a sonication’s focus and probes always', () => {
    expect(curveEmphasis(spots(MANY_SPOT_CURVES), 'spot 2', 'spot 3')).toEqual(
      spots(MANY_SPOT_CURVES).map(() => 'full'),
    );
    expect(curveEmphasis(['focus', 'probe 1'], undefined, undefined)).toEqual(['full', 'full']);
  });

  it('past it: the selected spot bold, the heating one in full, the other spots faint, probes in full', () => {
    const labels = [...spots(8), 'probe 1'];
    expect(curveEmphasis(labels, 'spot 2', 'spot 5')).toEqual([
      'faint',
      'bold',
      'faint',
      'faint',
      'full',
      'faint',
      'faint',
      'faint',
      'full',
    ]);
    // The selected spot heating: bold wins; nothing selected: only the heating spot stands out.
    expect(curveEmphasis(spots(7), 'spot 3', 'spot 3').filter((e) => e !== 'faint')).toEqual(['bold']);
    expect(curveEmphasis(spots(7), undefined, 'spot 7')).toEqual([...spots(6).map(() => 'faint'), 'full']);
    // A removed spot's curve is a spot's curve too.
    expect(curveEmphasis([...spots(7), 'spot 9 (removed)'], 'spot 1', undefined).at(-1)).toBe('faint');
  });

  it('tells a spot’s label from a probe’s', () => {
    expect(['spot 3', 'spot 3 (removed)', 'spot'].every(isSpotLabel)).toBe(true);
    expect(['focus', 'probe 1', 'spotlight', 'nerve'].some(isSpotLabel)).toBe(false);
  });

  it('picks out the spot heating at a playback time with the time views’ own activeSpotAt', () => {
    const starts = [
      { id: 'a', startTime: 0 },
      { id: 'b', startTime: 50 },
      { id: 'c', startTime: 100 },
    ];
    expect(activeSpotAt(starts, 0)).toBe('a');
    expect(activeSpotAt(starts, 49.9)).toBe('a');
    expect(activeSpotAt(starts, 50)).toBe('b');
    expect(activeSpotAt(starts, 1e6)).toBe('c');
    expect(activeSpotAt([], 10)).toBeUndefined();
  });

  it('writes a colour at an opacity', () => {
    expect(withAlpha('#E69F00', 0.22)).toBe('rgba(230, 159, 0, 0.22)');
    expect(withAlpha('#0072B2', 1)).toBe('rgba(0, 114, 178, 1)');
  });
});

import { describe, expect, it } from 'vitest';
import { installedRayleigh, withRayleighKernel } from '../../src/engine/kernels/current.ts';
import {
  type ServedEvent,
  type SolvedRayleighSum,
  sameRayleighSum,
  servedRayleigh,
} from '../../src/engine/kernels/served-rayleigh.ts';
import { type AsyncRayleigh, presolve } from '../../src/gpu/presolve.ts';
import { jsRayleigh, type RayleighSum } from '../../src/physics/rayleigh.ts';
import { arraySum, boxPoints } from './cases.ts';

/** An asynchronous solver that is not a GPU: the JavaScript reference behind a promise. */
const asyncReference: AsyncRayleigh = {
  name: 'JavaScript behind a promise',
  async solve(sum) {
    const m = sum.points.length / 3;
    const re = new Float64Array(m);
    const im = new Float64Array(m);
    jsRayleigh.pressure(sum.sources, sum.medium, sum.frequency, sum.points, re, im);
    return { re, im };
  },
};

function ask(kernel: typeof jsRayleigh, sum: RayleighSum): { re: Float64Array; im: Float64Array } {
  const m = sum.points.length / 3;
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  kernel.pressure(sum.sources, sum.medium, sum.frequency, sum.points, re, im);
  return { re, im };
}

/** A copy with fresh arrays: the same computation, none of the same objects. */
function copyOf(sum: RayleighSum): RayleighSum {
  const s = sum.sources;
  return {
    sources: {
      positions: s.positions.slice(),
      normals: s.normals.slice(),
      areas: s.areas.slice(),
      velocityRe: s.velocityRe.slice(),
      velocityIm: s.velocityIm.slice(),
      ...(s.gainRe ? { gainRe: s.gainRe.slice() } : {}),
      ...(s.gainIm ? { gainIm: s.gainIm.slice() } : {}),
      ...(s.elementRadius === undefined ? {} : { elementRadius: s.elementRadius }),
    },
    medium: { ...sum.medium },
    frequency: sum.frequency,
    points: sum.points.slice(),
  };
}

describe('a kernel serving sums evaluated ahead of the run', () => {
  const sum = arraySum(boxPoints(4, 4, 4, 1e-3, 0.16));
  // Values no CPU kernel would give: served values are recognisable.
  const marked: SolvedRayleighSum = { sum, re: new Float64Array(64).fill(7), im: new Float64Array(64).fill(-7) };

  it('serves a sum equal value for value to a solved one, whatever objects carry it', () => {
    const events: ServedEvent[] = [];
    const kernel = servedRayleigh([marked], jsRayleigh, 'test', (e) => events.push(e));
    const got = ask(kernel, copyOf(sum));
    expect(Array.from(got.re)).toEqual(new Array(64).fill(7));
    expect(Array.from(got.im)).toEqual(new Array(64).fill(-7));
    expect(events).toEqual([{ served: true, terms: 208 * 64 }]);
  });

  it.each([
    ['a point moved by 1 nm', (s: RayleighSum) => ((s.points as Float64Array)[5] = (s.points[5] as number) + 1e-9)],
    ['one velocity changed', (s: RayleighSum) => ((s.sources.velocityIm as Float64Array)[3] = 0.5)],
    ['one gain changed', (s: RayleighSum) => ((s.sources.gainRe as Float64Array)[100] = 0.1)],
    ['another frequency', (s: RayleighSum) => Object.assign(s, { frequency: 1.1e6 })],
    ['another attenuation', (s: RayleighSum) => Object.assign(s, { medium: { ...s.medium, attenuation: 3 } })],
  ])('computes on the fallback when the sum differs: %s', (_, change) => {
    const asked = copyOf(sum);
    change(asked);
    expect(sameRayleighSum(asked, sum)).toBe(false);
    const events: ServedEvent[] = [];
    const got = ask(
      servedRayleigh([marked], jsRayleigh, 'test', (e) => events.push(e)),
      asked,
    );
    expect(got).toEqual(ask(jsRayleigh, asked));
    expect(events.map((e) => e.served)).toEqual([false]);
  });

  it('a presolved sum served to the run gives exactly what the solver computed', async () => {
    const presolved = await presolve([sum], asyncReference);
    expect(presolved.failure).toBeUndefined();
    const got = ask(servedRayleigh(presolved.solved, installedRayleigh(), asyncReference.name), copyOf(sum));
    expect(got).toEqual(ask(jsRayleigh, sum));
  });

  it('a failing solver leaves nothing to serve and says why: the run computes on the CPU', async () => {
    const failing: AsyncRayleigh = {
      name: 'a GPU that fails',
      solve: async () => {
        throw new Error('device lost (unknown): the GPU went away');
      },
    };
    const presolved = await presolve([sum, sum], failing);
    expect(presolved.solved).toEqual([]);
    expect(presolved.failure).toContain('device lost');
    const events: ServedEvent[] = [];
    const got = ask(
      servedRayleigh(presolved.solved, jsRayleigh, failing.name, (e) => events.push(e)),
      sum,
    );
    expect(got).toEqual(ask(jsRayleigh, sum));
    expect(events.map((e) => e.served)).toEqual([false]);
  });

  it('withRayleighKernel installs a kernel for one call and puts the previous one back, also after a throw', () => {
    const before = installedRayleigh();
    const served = servedRayleigh([], before, 'test');
    expect(withRayleighKernel(served, () => installedRayleigh())).toBe(served);
    expect(installedRayleigh()).toBe(before);
    expect(() =>
      withRayleighKernel(served, () => {
        throw new Error('the run failed');
      }),
    ).toThrow('the run failed');
    expect(installedRayleigh()).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { traceBeamsForPlanning } from '../../src/engine/trace-beams.ts';
import { POST_FOCAL_DEPTH } from '../../src/engine/whole-path.ts';
import { hazardBeyond } from '../../src/geometry/beam-status.ts';
import { PRESETS } from '../../src/physics/transducer.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';

type Vec3 = [number, number, number];

/*
 * The beam colours judge the path to the focus; what lies behind the target is judged by following each firing
 * beam's straight line POST_FOCAL_DEPTH past the focus. On the rib the lung lies 9 mm behind the lesion: every beam
 * is clear up to the focus, yet the default sonication heats the lung (tests/engine/path-peak.test.ts), so the
 * trace must say so before anyone sonicates.
 */
const transducer = PRESETS.clinicalBodyArray;
const N = transducer.elementCount;

async function defaultTrace(caseId: string, elementsOn?: Uint8Array) {
  const { state, summary } = await loadBundledCase(caseId);
  const { meta } = summary;
  const pose = { target: meta.defaultTarget, direction: meta.defaultBeamDirection, distance: 0.16 };
  return {
    state,
    meta,
    trace: traceBeamsForPlanning(state, { transducer, pose, ...(elementsOn ? { elementsOn } : {}) }),
  };
}

describe('what the beams meet beyond the focus', () => {
  it('rib: every beam is clear to the focus, and every one goes on into the lung, 9 mm behind along the axis', async () => {
    const { state, meta, trace } = await defaultTrace('rib');
    expect(trace.allCounts.clear).toBe(N);
    const beyond = trace.beyond;
    expect(beyond).toBeDefined();
    if (!beyond) return;
    expect(beyond.tissue).toBe('lung');
    expect(beyond.gas).toBe(true);
    expect(beyond.beams).toBe(N);
    expect(beyond.depth).toBe(POST_FOCAL_DEPTH);
    // Independently: the tissues along the array's axis behind the target, summed up to the lung.
    const t: Vec3 = [...meta.defaultTarget];
    const d: Vec3 = [...meta.defaultBeamDirection]; // from the target towards the transducer
    const axis = state.model.pathSegments(
      [...t],
      [0, 1, 2].map((a) => (t[a] as number) - POST_FOCAL_DEPTH * (d[a] as number)) as Vec3,
    );
    const toLung = axis
      .slice(
        0,
        axis.findIndex((s) => s.tissue === 'lung'),
      )
      .reduce((sum, s) => sum + s.length, 0);
    expect(toLung).toBeCloseTo(0.009, 3);
    // The nearest over the beams is no farther than along the axis (within the mesh's facets), and not nearer
    // than the 8 mm of lesion every beam crosses first.
    expect(beyond.distance).toBeLessThanOrEqual(toLung + 1e-4);
    expect(beyond.distance).toBeGreaterThan(0.008);
  });

  it('rib: each drawn end is where its beam enters the lung (lung 0.3 mm past it, not 0.3 mm before)', async () => {
    const { state, meta, trace } = await defaultTrace('rib');
    const ends = trace.beyond?.ends ?? new Float32Array();
    expect(ends.length).toBe(3 * N);
    const f: Vec3 = [...meta.defaultTarget];
    for (let b = 0; b < N; b += 13) {
      const end = [0, 1, 2].map((a) => ends[3 * b + a] as number);
      const length = Math.hypot(...end.map((x, a) => x - (f[a] as number)));
      const at = (s: number) => end.map((x, a) => x + ((x - (f[a] as number)) / length) * s) as Vec3;
      expect(state.model.tissueAt(at(3e-4))).toBe('lung');
      expect(state.model.tissueAt(at(-3e-4))).not.toBe('lung');
    }
  });

  it('counts only the beams that fire: half the array switched off, half the beams', async () => {
    const on = new Uint8Array(N).map((_, e) => (e % 2 === 0 ? 1 : 0));
    const { trace } = await defaultTrace('rib', on);
    expect(trace.activeCount).toBe(N / 2);
    expect(trace.beyond?.beams).toBe(N / 2);
  });

  it('femur and iliac wing at their defaults: nothing behind the target within the depth followed', async () => {
    for (const id of ['femur-shaft', 'iliac-wing']) expect((await defaultTrace(id)).trace.beyond).toBeUndefined();
  });

  it('tracing only the hazards and the parts that outrank them finds what full paths find, beam for beam', async () => {
    for (const id of ['rib', 'femur-shaft', 'iliac-wing']) {
      const { state, summary } = await loadBundledCase(id);
      const t: Vec3 = [...summary.meta.defaultTarget];
      const d = summary.meta.defaultBeamDirection;
      // The default pose and two tilted ones (the rib tilted toward its neighbour, as a walk did).
      for (const [tx, tz] of [
        [0, 0],
        [0.5, 0],
        [0, -0.4],
      ] as const) {
        const direction = [d[0] + tx, d[1], d[2] + tz] as Vec3;
        const pose = { target: t, direction, distance: 0.16 };
        const trace = traceBeamsForPlanning(state, { transducer, pose });
        let beams = 0;
        let nearest = Number.POSITIVE_INFINITY;
        for (let e = 0; e < N; e++) {
          const from = [0, 1, 2].map((a) => trace.elementPositions[3 * e + a] as number);
          const axis = t.map((x, a) => x - (from[a] as number));
          const length = Math.hypot(...axis);
          const far = t.map((x, a) => x + ((axis[a] as number) / length) * POST_FOCAL_DEPTH) as Vec3;
          const hazard = hazardBeyond(state.model.pathSegments(t, far));
          if (!hazard) continue;
          beams++;
          nearest = Math.min(nearest, hazard.distance);
        }
        expect(trace.beyond?.beams ?? 0, `${id} ${tx} ${tz}`).toBe(beams);
        if (beams > 0) expect(trace.beyond?.distance).toBeCloseTo(nearest, 9);
      }
    }
  });
});

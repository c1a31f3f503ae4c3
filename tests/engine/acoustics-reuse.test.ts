import { describe, expect, it } from 'vitest';
import { sonicateRequest } from '../../src/app/planning-requests.ts';
import { acousticKey } from '../../src/engine/acoustic-key.ts';
import { forgetKeptSonication, keptLabels } from '../../src/engine/acoustics-reuse.ts';
import type { SonicateRequest } from '../../src/engine/requests.ts';
import { labelsKey, prepareSonication, runSonication } from '../../src/engine/sonicate.ts';
import { lazySourceLayout } from '../../src/engine/source-layout.ts';
import { planningTraceRun } from '../../src/engine/trace-beams.ts';
import type { SonicationSnapshot } from '../../src/physics/snapshot.ts';
import { scaledAcoustics } from '../../src/physics/whole-path/scaled-acoustics.ts';
import { loadBundledCase } from '../fixtures/bundled-case.ts';
import { testStore } from '../fixtures/planner-store.ts';

// A trainee's most common loop is "change the power or the time, sonicate again". The field does not depend on
// either (it is linear in the element velocities, which scale as √P), so the engine keeps the last sonication's
// labelled lattice and field and rescales it instead of marching again. The answer must be the one a fresh run gives.

const femur = await loadBundledCase('femur-shaft');
const store = testStore();
store.getState().setCaseLoaded(femur.summary, () => 1);
// The app's own request, shortened in time: the heat is not what is under test.
const base: SonicateRequest = { ...sonicateRequest(store.getState()), duration: 6, cooling: 4 };
const at = (change: Partial<SonicateRequest>): SonicateRequest => ({ ...base, ...change });
const run = (request: SonicateRequest) => runSonication(femur.state, request, () => {});
/** What the worker's sonicate op does with a run's arrays: transfers their buffers to the app (they empty here). */
const handOver = (r: ReturnType<typeof run>) => {
  const { pressure, heatSource, maxTemperature, dose } = r.result;
  const buffers = [...new Set([pressure, heatSource, maxTemperature, dose].map((a) => a.buffer as ArrayBuffer))];
  structuredClone(buffers, { transfer: buffers });
};

/** One report of a running sonication that carried what it already knew. */
interface Finding {
  fraction: number;
  snapshot: SonicationSnapshot;
}
const recordInto = (findings: Finding[]) => (fraction: number, snapshot?: SonicationSnapshot) => {
  if (snapshot) findings.push({ fraction, snapshot });
};

describe('which changes keep the field', () => {
  it('power, time and what is recorded do not change the acoustic key', () => {
    const key = acousticKey(base);
    expect(acousticKey(at({ acousticPower: 3 * base.acousticPower }))).toBe(key);
    expect(acousticKey(at({ duration: 20, cooling: 0 }))).toBe(key);
    expect(acousticKey(at({ results: { probes: [[0, 0, 0]], frameInterval: 5 } }))).toBe(key);
  });

  it('every beam, pose, region or tissue change does', () => {
    const key = acousticKey(base);
    const off = new Uint8Array(base.transducer.elementCount ?? 208).fill(1);
    off[0] = 0;
    const changed: Partial<SonicateRequest>[] = [
      { pose: { ...base.pose, distance: base.pose.distance + 1e-3 } },
      { focus: [base.pose.target[0], base.pose.target[1], base.pose.target[2] + 1e-3] },
      { elementsOn: off },
      { aberrationCorrection: false },
      { tissueOverrides: { muscle: { speedOfSound: 1600 } } },
      { region: { ...base.region, spacing: base.region.spacing / 2 } },
      { transducer: { ...base.transducer, frequency: base.transducer.frequency * 1.1 } },
      { latticeRefinement: 0.9 },
      { noPass: [{ id: 'n', kind: 'sphere', centre: [0, 0, 0], size: 0.01 }] },
    ];
    for (const change of changed) expect(acousticKey(at(change)), JSON.stringify(Object.keys(change))).not.toBe(key);
  });

  it('does not depend on the order the request was built in', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as SonicateRequest;
    expect(acousticKey(reordered)).toBe(acousticKey(base));
  });
});

describe('a sonication again at another power', () => {
  // Four times the power: the velocities double, and doubling is exact in floating point, so the rescaled field
  // and a fresh march agree to the last bit — any difference would be the reuse's own.
  const first = run(base);
  // Its arrays go to the app: what the engine kept must not go with them.
  handOver(first);
  const again = run(at({ acousticPower: 4 * base.acousticPower, duration: 8 }));
  // Naming the default lattice refinement changes the request's key but not its physics: a fresh march, the reference.
  const fresh = run(at({ acousticPower: 4 * base.acousticPower, duration: 8, latticeRefinement: 1 }));
  // Then 1.5 × the power, rescaled from that fresh field, against a fresh march at 1.5 ×.
  const scaled = run(at({ acousticPower: 1.5 * base.acousticPower, latticeRefinement: 1 }));
  const direct = run(at({ acousticPower: 1.5 * base.acousticPower }));

  it('reuses the field only when the request differs in power, time or recording', () => {
    expect([first, again, fresh, scaled, direct].map((r) => r.fieldReused)).toEqual([
      undefined,
      'last-run',
      undefined,
      'last-run',
      undefined,
    ]);
  });

  it('gives the fresh run, voxel for voxel and number for number', () => {
    expect(again.result.pressure).toEqual(fresh.result.pressure);
    expect(again.result.heatSource).toEqual(fresh.result.heatSource);
    expect(again.result.maxTemperature).toEqual(fresh.result.maxTemperature);
    expect(again.result.dose).toEqual(fresh.result.dose);
    const { pressure: _p, heatSource: _q, maxTemperature: _t, dose: _d, ...numbers } = again.result;
    const { pressure: _fp, heatSource: _fq, maxTemperature: _ft, dose: _fd, ...freshNumbers } = fresh.result;
    expect(numbers).toEqual(freshNumbers);
    expect(again.validity).toEqual(fresh.validity);
    expect(again.atTarget).toEqual(fresh.atTarget);
  });

  it('at any other ratio, agrees with a fresh run within the march’s own rounding sensitivity', () => {
    // A mixed slice marches with the medium carrying most of its energy (march.ts referenceLabel); where two media
    // carry nearly equal energy, a rounding-level change can pick the other, which moves a few voxels' |p| by up to
    // ≈ 10 % and the peaks by ≈ 1e-4 (measured: a 1e-6 change of power does the same to a fresh run).
    for (const name of ['peakPressure', 'focalIntensity', 'peakTemperature', 'ablationVolume'] as const) {
      const a = scaled.result[name];
      const f = direct.result[name];
      expect(Math.abs(a - f) / Math.abs(f), name).toBeLessThan(1e-3);
    }
  });
});

describe('a field prepared ahead (while the user decides)', () => {
  // Another target than the runs above, so nothing kept serves it.
  const [x, y, z] = base.pose.target;
  const moved = at({ pose: { ...base.pose, target: [x, y, z + 1e-3] } });
  const prepared = prepareSonication(femur.state, moved);
  const preparedAgain = prepareSonication(femur.state, { ...moved, acousticPower: 2 * moved.acousticPower });
  handOver(run(moved));
  // The first Sonicate's arrays went to the app; the next, of the same beams, still finds the prepared field whole.
  const sonicatedFindings: Finding[] = [];
  const sonicated = runSonication(femur.state, moved, recordInto(sonicatedFindings));
  const freshFindings: Finding[] = [];
  const fresh = runSonication(femur.state, { ...moved, latticeRefinement: 1 }, recordInto(freshFindings));

  it('is computed once for a beam setup, then serves the Sonicate of it', () => {
    expect(prepared).toBe(true);
    expect(preparedAgain).toBe(false);
    expect(sonicated.fieldReused).toBe('prepared');
    expect(fresh.fieldReused).toBeUndefined();
  });

  it('tells, while it runs, the field’s peak first, then the heat rising to the result’s peak temperature', () => {
    for (const [findings, r] of [
      [freshFindings, fresh],
      [sonicatedFindings, sonicated],
    ] as const) {
      const fields = findings.filter((f) => f.snapshot.stage === 'field');
      const heat = findings.flatMap((f) => (f.snapshot.stage === 'heat' ? [f.snapshot] : []));
      expect(findings[0]?.snapshot).toEqual({ stage: 'field', peakPressure: r.result.peakPressure });
      expect(fields).toHaveLength(1);
      expect(heat.length).toBeGreaterThan(10);
      expect(findings.every((f, i) => i === 0 || f.fraction >= (findings[i - 1]?.fraction as number))).toBe(true);
      expect(heat.every((h, i) => i === 0 || h.time >= (heat[i - 1]?.time as number))).toBe(true);
      expect(heat.every((h, i) => i === 0 || h.peakTemperature >= (heat[i - 1]?.peakTemperature as number))).toBe(true);
      expect(heat.at(-1)?.time).toBeCloseTo(moved.duration + moved.cooling, 9);
      expect(heat.at(-1)?.peakTemperature).toBe(r.result.peakTemperature);
    }
  });

  it('gives the Sonicate the numbers of a run that marched its own field', () => {
    expect(sonicated.result.pressure).toEqual(fresh.result.pressure);
    expect(sonicated.result.maxTemperature).toEqual(fresh.result.maxTemperature);
    expect(sonicated.result.peakTemperature).toBe(fresh.result.peakTemperature);
    expect(sonicated.result.wholePath?.pathPeakTemperature).toEqual(fresh.result.wholePath?.pathPeakTemperature);
  });
});

describe('a sonication of other beams from the same pose (the aberration correction toggled)', () => {
  // Labelling the focal region and the whole path through the anatomy depends on where the sources are, not on how
  // they are driven: the labels of the last sonication serve the next one of other beams, which marches anew on them.
  const keyOf = (request: SonicateRequest) =>
    labelsKey(
      request,
      planningTraceRun(femur.state, request, lazySourceLayout(request.transducer)).traced.elements.positions,
    );
  const corrected = at({ duration: 4, cooling: 2 });
  const uncorrected = at({ aberrationCorrection: false, duration: 4, cooling: 2 });
  forgetKeptSonication(femur.state);
  const labelledItself = run(uncorrected);
  forgetKeptSonication(femur.state);
  run(corrected);
  const labels = keptLabels(femur.state, keyOf(corrected));
  const onKeptLabels = run(uncorrected);

  it('has the labels of any drive from the same geometry, and other labels for another pose, region or tissue', () => {
    const key = keyOf(base);
    const off = new Uint8Array(base.transducer.elementCount ?? 208).fill(1);
    off[0] = 0;
    for (const drive of [{ aberrationCorrection: false }, { elementsOn: off }, { acousticPower: 1 }])
      expect(keyOf(at(drive)), Object.keys(drive)[0]).toBe(key);
    const geometry: Partial<SonicateRequest>[] = [
      { pose: { ...base.pose, distance: base.pose.distance + 1e-3 } },
      { focus: [base.pose.target[0], base.pose.target[1], base.pose.target[2] + 1e-3] },
      { region: { ...base.region, spacing: base.region.spacing / 2 } },
      { tissueOverrides: { muscle: { speedOfSound: 1600 } } },
      { transducer: { ...base.transducer, frequency: base.transducer.frequency * 1.1 } },
      { latticeRefinement: 0.9 },
    ];
    for (const change of geometry) expect(keyOf(at(change)), Object.keys(change)[0]).not.toBe(key);
  });

  it('marches on the labels the last sonication kept, without labelling again', () => {
    expect(labels).toBeDefined();
    expect(keptLabels(femur.state, keyOf(uncorrected))).toBe(labels);
    expect(onKeptLabels.fieldReused).toBeUndefined();
  });

  it('gives what a sonication that labelled its own gives, voxel for voxel', () => {
    expect(onKeptLabels.result.pressure).toEqual(labelledItself.result.pressure);
    expect(onKeptLabels.result.maxTemperature).toEqual(labelledItself.result.maxTemperature);
    expect(onKeptLabels.result.dose).toEqual(labelledItself.result.dose);
    expect(onKeptLabels.result.wholePath?.pathPeakTemperature).toEqual(
      labelledItself.result.wholePath?.pathPeakTemperature,
    );
  });
});

describe('scaledAcoustics', () => {
  it('refuses a power ratio that is not a positive number', () => {
    const field = { fine: {} } as unknown as Parameters<typeof scaledAcoustics>[0];
    for (const ratio of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => scaledAcoustics(field, ratio)).toThrow(RangeError);
  });
});

describe('a longer sonication on the femur (the heat re-runs for a hottest voxel it did not record)', () => {
  // From 24 s the hottest voxel of the default femur sonication lies off the recorded points, so the fine heat runs a
  // second time to record it; its boundary is read again from the whole path's record, from the start.
  it('runs at 30 s, and the hottest voxel’s history peaks at the run’s peak temperature', () => {
    const r = run(at({ duration: 30, cooling: 5 }));
    let hottest = Number.NEGATIVE_INFINITY;
    for (const t of r.result.hottestTemperature) hottest = Math.max(hottest, t);
    expect(Math.abs(hottest - r.result.peakTemperature)).toBeLessThan(1e-3);
    expect(r.result.peakTemperature).toBeGreaterThan(run(at({ duration: 6, cooling: 4 })).result.peakTemperature);
  });
});

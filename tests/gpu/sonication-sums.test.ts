import { describe, expect, it } from 'vitest';
import { installedRayleigh } from '../../src/engine/kernels/current.ts';
import { sonicationRayleighSums } from '../../src/engine/kernels/sonication-sums.ts';
import type { AsyncRayleigh } from '../../src/gpu/presolve.ts';
import { sharedGpuRayleigh } from '../../src/gpu/shared-gpu.ts';
import { PRESETS, type SphericalArraySpec } from '../../src/physics/transducer.ts';
import { gpuRayleighFor, sonicate } from '../../src/worker/ops/sonicate.ts';
import type { SonicateRequest } from '../../src/worker/protocol.ts';
import { loadBundledCase, sonicationAtDefaults } from '../fixtures/bundled-case.ts';

/*
 * The seam between the synchronous engine and an asynchronous (WebGPU) kernel, in Node on the bundled femur: the
 * engine names the Rayleigh sums a sonication will ask for, the worker evaluates them ahead and serves them to the
 * run. Node has no WebGPU, so the evaluation ahead is done by the installed CPU kernel behind a promise.
 */

const femur = await loadBundledCase('femur-shaft');
const { meta } = femur.summary;

/** The installed (WebAssembly) kernel behind a promise, counting what it is asked. */
function cpuBehindAPromise(): AsyncRayleigh & { asked: number } {
  const solver = {
    name: 'the CPU kernel behind a promise',
    asked: 0,
    async solve(sum: Parameters<AsyncRayleigh['solve']>[0]) {
      solver.asked++;
      const m = sum.points.length / 3;
      const re = new Float64Array(m);
      const im = new Float64Array(m);
      installedRayleigh().pressure(sum.sources, sum.medium, sum.frequency, sum.points, re, im);
      return { re, im };
    },
  };
  return solver;
}

function request(transducer: SphericalArraySpec, extra: Partial<SonicateRequest> = {}): SonicateRequest {
  return sonicationAtDefaults(meta, transducer, {
    acousticPower: 30,
    duration: 1,
    cooling: 0,
    region: { size: 0.01, spacing: 0.001 },
    ...extra,
  });
}

describe('the Rayleigh sums of a sonication, evaluated ahead and served to the run', () => {
  it('the clinical array: one sum, the whole input plane; the run is served it and gives the CPU run’s outcome', async () => {
    const req = request(PRESETS.clinicalBodyArray);
    const sums = sonicationRayleighSums(femur.state, req);
    expect(sums).toHaveLength(1);
    const side = Math.sqrt((sums[0]?.points.length ?? 0) / 3);
    expect([128, 256]).toContain(side);
    const solver = cpuBehindAPromise();
    const served = await gpuRayleighFor(femur.state, req, solver);
    if (!served) throw new Error('no served kernel');
    const outcome = sonicate(femur.state, req, () => {}, served.kernel);
    expect(served.summary()).toMatch(/^Rayleigh sums: 1 of 1 on the CPU kernel behind a promise/);
    expect(solver.asked).toBe(1);
    const plain = sonicate(femur.state, req, () => {});
    // The same kernel computed the sum ahead as the plain run computes it inline: the same numbers, bit for bit.
    expect(outcome.summary.peakPressure).toBe(plain.summary.peakPressure);
    expect(outcome.summary.targetPressure).toBe(plain.summary.targetPressure);
    expect(outcome.summary.peakTemperature).toBe(plain.summary.peakTemperature);
    expect(outcome.maxTemperature).toEqual(plain.maxTemperature);
  });

  it('a steered focus with aberration correction off and half the elements off: still exactly the sum the run asks', async () => {
    const n = PRESETS.clinicalBodyArray.elementCount;
    const req = request(PRESETS.clinicalBodyArray, {
      focus: [meta.defaultTarget[0] + 0.003, meta.defaultTarget[1], meta.defaultTarget[2]],
      aberrationCorrection: false,
      elementsOn: Uint8Array.from({ length: n }, (_, e) => (e % 2 === 0 ? 1 : 0)),
    });
    const served = await gpuRayleighFor(femur.state, req, cpuBehindAPromise());
    if (!served) throw new Error('no served kernel');
    sonicate(femur.state, req, () => {}, served.kernel);
    expect(served.summary()).toMatch(/^Rayleigh sums: 1 of 1 on /);
  });

  it('the single-element bowl: one sum on a radial line (axisymmetric input plane), served', async () => {
    const bowl = PRESETS.singleElementBowl;
    const req = request(bowl, { elementsOn: Uint8Array.of(1) });
    const sums = sonicationRayleighSums(femur.state, req);
    expect(sums).toHaveLength(1);
    const points = sums[0]?.points ?? new Float64Array();
    // on one line: y = 0, one z, x from 0 outwards
    expect(points.filter((_, i) => i % 3 === 1).every((y) => y === 0)).toBe(true);
    expect(points[0]).toBe(0);
    expect(points.length / 3).toBeLessThan(4000);
    const served = await gpuRayleighFor(femur.state, req, cpuBehindAPromise());
    if (!served) throw new Error('no served kernel');
    sonicate(femur.state, req, () => {}, served.kernel);
    expect(served.summary()).toMatch(/^Rayleigh sums: 1 of 1 on /);
  });

  it('the focal-ray model asks for no kernel sum: nothing to evaluate ahead', async () => {
    const req = request(PRESETS.clinicalBodyArray, { fieldModel: 'focal-ray' });
    expect(sonicationRayleighSums(femur.state, req)).toEqual([]);
    expect(await gpuRayleighFor(femur.state, req, cpuBehindAPromise())).toBeUndefined();
  });

  it('without a GPU nothing changes: no served kernel, and in Node the reason is that WebGPU is absent', async () => {
    expect(await gpuRayleighFor(femur.state, request(PRESETS.clinicalBodyArray), undefined)).toBeUndefined();
    const lines: string[] = [];
    expect(await sharedGpuRayleigh((line) => lines.push(line))).toBeUndefined();
    expect(lines).toEqual([
      'WebGPU not used, Rayleigh sums on the CPU: no WebGPU in this context (navigator.gpu is absent)',
    ]);
  });
});

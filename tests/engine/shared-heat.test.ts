import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HEAT_FILE, KERNELS_FILE, startNodeHeat } from '../../src/cli/kernels.ts';
import { createSharedHeat } from '../../src/engine/kernels/shared-heat.ts';
import { createWasmKernels } from '../../src/engine/kernels/wasm-kernels.ts';
import { type BioheatMedium, prepareBioheat } from '../../src/physics/bioheat.ts';
import type { BioheatKernels } from '../../src/physics/bioheat-kernels.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import { type BoundaryDriver, runThermalSchedule, scheduleFor } from '../../src/physics/thermal-run.ts';
import { TISSUES } from '../../src/physics/tissues.ts';

// A Pennes step shared by two threads in shared WebAssembly memory (engine/kernels/shared-heat.ts) is the same
// computation as one call on one thread: each voxel gets the same operations, so the runs agree to the bit, however
// the chunks of each step fell between the two threads, or with no helper listening at all.

const heatBytes = readFileSync(HEAT_FILE);
const mainKernels = createWasmKernels(readFileSync(KERNELS_FILE));
const { heat: withHelper, thread: helper } = startNodeHeat(mainKernels.bioheat);
const withoutHelper = createSharedHeat(heatBytes, mainKernels.bioheat);

beforeAll(async () => {
  const start = Date.now();
  while (!withHelper.helperReady()) {
    if (Date.now() - start > 60_000) throw new Error('the heat helper thread did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
});

afterAll(() => {
  withHelper.close();
  withoutHelper.close();
});

// 31 × 29 × 27 = 24 273 voxels, above the split's minimum; the last SIMD group holds one voxel and three of padding.
const grid: VoxelGrid = { nx: 31, ny: 29, nz: 27, spacing: 0.5e-3, origin: [0, 0, 0] };
const count = grid.nx * grid.ny * grid.nz;

function muscle(): BioheatMedium {
  const m = TISSUES.muscle;
  return {
    heatCapacity: new Float64Array(count).fill(m.density * m.specificHeat),
    conductivity: new Float64Array(count).fill(m.thermalConductivity),
    perfusionHeat: new Float64Array(count).fill(m.perfusion * 3617),
  };
}

/** A focus straddling the halves' boundary (the middle plane), ablative within a second. */
function focus(): Float64Array {
  const q = new Float64Array(count);
  for (let v = 0; v < count; v++) {
    const i = v % grid.nx;
    const j = Math.floor(v / grid.nx) % grid.ny;
    const k = Math.floor(v / (grid.nx * grid.ny));
    q[v] = 5e8 * Math.exp(-((i - 15) ** 2 + (j - 14) ** 2 + (k - 13.5) ** 2) / 8);
  }
  return q;
}

/** Dirichlet faces held at a rise that climbs with time, on the first and last planes (both halves). */
function warmingFaces(): BoundaryDriver {
  const plane = grid.nx * grid.ny;
  const voxels = new Int32Array(2 * plane);
  for (let v = 0; v < plane; v++) {
    voxels[v] = v;
    voxels[plane + v] = count - plane + v;
  }
  const source = new Float64Array(count);
  return {
    source,
    voxels,
    update(time) {
      for (const v of voxels) source[v] = TISSUES.muscle.thermalConductivity * 2 * time;
    },
  };
}

function run(kernels: BioheatKernels) {
  const problem = prepareBioheat(grid, muscle(), 'dirichlet');
  const schedule = scheduleFor(1, 0.6, Math.min(0.02, problem.maxTimeStep));
  const out = {
    maxRise: new Float64Array(count),
    dose: new Float64Array(count),
    peakHistory: new Float64Array(schedule.heatingSteps + schedule.coolingSteps + 1),
    peaks: [] as number[],
  };
  runThermalSchedule(problem, focus(), schedule, {
    maxRise: out.maxRise,
    dose: out.dose,
    peakHistory: out.peakHistory,
    probes: new Int32Array(0),
    history: new Float64Array(0),
    boundary: warmingFaces(),
    kernels,
    onChunk: (_, peakRise) => out.peaks.push(peakRise),
  });
  return out;
}

describe('A Pennes run split over two threads', () => {
  const oneThread = run(mainKernels.bioheat);

  test('the case is a real one: ablative at the focus, warmed at both boundaries', () => {
    expect(Math.max(...oneThread.maxRise)).toBeGreaterThan(15);
    expect(Math.max(...oneThread.dose)).toBeGreaterThan(240);
    expect(oneThread.maxRise[0]).toBeGreaterThan(0);
    expect(oneThread.maxRise[count - 1]).toBeGreaterThan(0);
  });

  test('with the helper thread taking chunks: the same rise, maxima, doses and peaks, to the bit', () => {
    const before = withHelper.helped();
    const split = run(withHelper.bioheat);
    expect(withHelper.helped()).toBeGreaterThan(before);
    expect(split.maxRise).toEqual(oneThread.maxRise);
    expect(split.dose).toEqual(oneThread.dose);
    expect(split.peakHistory).toEqual(oneThread.peakHistory);
    expect(split.peaks).toEqual(oneThread.peaks);
  });

  test('with no helper listening, every step is one call on this thread, with the same bits', () => {
    const alone = run(withoutHelper.bioheat);
    expect(withoutHelper.helped()).toBe(0);
    expect(alone.maxRise).toEqual(oneThread.maxRise);
    expect(alone.dose).toEqual(oneThread.dose);
    expect(alone.peakHistory).toEqual(oneThread.peakHistory);
  });

  test('alone (a plan whose pipeline keeps the other cores busy): every step on this thread, the same bits', async () => {
    const before = withHelper.helped();
    const solo = await withHelper.alone(async () => run(withHelper.bioheat));
    expect(withHelper.helped()).toBe(before);
    expect(solo.maxRise).toEqual(oneThread.maxRise);
    expect(solo.dose).toEqual(oneThread.dose);
    // After it, the helper takes chunks again.
    run(withHelper.bioheat);
    expect(withHelper.helped()).toBeGreaterThan(before);
  });

  test('closing ends the helper thread', async () => {
    const { heat: other, thread } = startNodeHeat(mainKernels.bioheat);
    const exited = new Promise<number>((resolve) => thread.once('exit', resolve));
    while (!other.helperReady()) await new Promise((resolve) => setTimeout(resolve, 20));
    other.close();
    expect(await exited).toBe(0);
  });
});

test('the helper thread is a real thread of this process', () => {
  expect(helper.threadId).toBeGreaterThan(0);
});

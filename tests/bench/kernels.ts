import { readFileSync } from 'node:fs';
import { KERNELS_FILE, startNodeHeat } from '../../src/cli/kernels.ts';
import { HEAT_CHUNKS } from '../../src/engine/kernels/shared-heat.ts';
import { createWasmKernels } from '../../src/engine/kernels/wasm-kernels.ts';
import {
  jsSliceKernels,
  type Planes,
  planeBytes,
  type SliceKernels,
} from '../../src/physics/angular-spectrum/slice-kernels.ts';
import { bioheatMediumFromLabels, prepareBioheat } from '../../src/physics/bioheat.ts';
import type { BioheatKernels } from '../../src/physics/bioheat-kernels.ts';
import type { VoxelGrid } from '../../src/physics/grid.ts';
import { jsRayleigh, type RayleighKernel, type RayleighSources } from '../../src/physics/rayleigh.ts';
import { runThermalSchedule, type ThermalSchedule } from '../../src/physics/thermal-run.ts';
import { layoutSphericalArray, PRESETS } from '../../src/physics/transducer.ts';
import { median, Stopwatch, type Timing, timePair, timeSync } from './measure.ts';
import type { Row } from './report.ts';

/**
 * The kernels one at a time, WebAssembly against the plain-JavaScript reference each replaces, on the same input:
 * the Rayleigh sum (the field kernel the native ceiling is quoted for), the 2D FFT of the march and the
 * Pennes steps. The field kernel is timed on one core (its target is per core); the Pennes steps as the app runs
 * them, split over two threads in shared memory (engine/kernels/shared-heat.ts), beside the same steps on one.
 */

/** A vectorised native loop on this kind of machine (single precision, polynomial sine/cosine), per core (issue 9). */
export const NATIVE_CEILING = 1.6e9;
/** Issue 9 targets. */
export const FIELD_TARGET = 4e8;
export const PENNES_TARGET = 5e8;

const wasm = createWasmKernels(readFileSync(KERNELS_FILE));
// The two-thread Pennes steps, as installNodeKernels and the app's worker set them up; its helper thread listens a
// fraction of a second after this (pennesRows waits for it).
const pair = startNodeHeat(wasm.bioheat).heat;

/** Deterministic numbers in [−1, 1), so every run transforms the same data. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 31 - 1;
  };
}

export interface KernelOptions {
  quick: boolean;
  log: (line: string) => void;
}

/**
 * The clinical array (208 pistons with directivity, steered phases, tissue-like loss) onto 20 000 points: a
 * 25 × 25 × 32 block of 0.8 mm around the focus, as in the former tests/physics/core.bench.ts.
 */
export function rayleighRow(options: KernelOptions): Row {
  const spec = PRESETS.clinicalBodyArray;
  const layout = layoutSphericalArray(spec);
  const r = noise(3);
  const sources: RayleighSources = {
    ...layout,
    velocityRe: Float64Array.from({ length: layout.count }, () => 0.1 + 0.02 * r()),
    velocityIm: Float64Array.from({ length: layout.count }, () => 0.02 * r()),
  };
  const m = 20_000;
  const points = new Float64Array(3 * m);
  const R = spec.radiusOfCurvature;
  for (let i = 0; i < m; i++) {
    points[3 * i] = ((i % 25) - 12) * 8e-4;
    points[3 * i + 1] = ((Math.floor(i / 25) % 25) - 12) * 8e-4;
    points[3 * i + 2] = R + (Math.floor(i / 625) - 16) * 8e-4;
  }
  const medium = { density: 994, speedOfSound: 1482.3, attenuation: 5 };
  const outRe = new Float64Array(m);
  const outIm = new Float64Array(m);
  const run = (k: RayleighKernel) => () => k.pressure(sources, medium, spec.frequency, points, outRe, outIm);
  const reps = options.quick ? 3 : 7;
  const [fast, slow] = timePair(run(wasm.rayleigh), run(jsRayleigh), { warmup: 1, repeats: reps });
  // The same call on 1 % of the points: its time is mostly the per-call set-up, paid once per sum.
  const small = 200;
  const smallPoints = points.subarray(0, 3 * small);
  const setup = timeSync(() => wasm.rayleigh.pressure(sources, medium, spec.frequency, smallPoints, outRe, outIm), {
    warmup: 3,
    repeats: 15,
  });
  const terms = layout.count * m;
  const rate = (t: Timing) => terms / (t.median / 1000);
  const perTerm = ((fast.median - setup.median) * 1e6) / (layout.count * (m - small));
  options.log(
    `Rayleigh ${layout.count} × ${m}: ${wasm.rayleigh.name} ${fast.median.toFixed(1)} ms, ${jsRayleigh.name} ${slow.median.toFixed(1)} ms`,
  );
  return {
    id: 'field-kernel',
    figure: `Field kernel: Rayleigh sum, ${layout.count} elements × ${m / 1000}k points, one core`,
    measured: rate(fast),
    cpu: terms / (fast.cpu / 1000),
    unit: 'terms/s',
    target: { value: FIELD_TARGET, kind: 'at least' },
    baseline: { value: rate(slow), name: jsRayleigh.name },
    notes: [
      `${(100 * (rate(fast) / NATIVE_CEILING)).toFixed(1)} % of the native ceiling (${NATIVE_CEILING.toExponential(1)} terms/s per core);`,
      `${fast.median.toFixed(1)} ms per sum (${wasm.rayleigh.name}) against ${slow.median.toFixed(0)} ms (${jsRayleigh.name}).`,
      // What limits it (measured while shaping src/wasm/assembly/rayleigh.ts; see its header).
      'Per four terms the kernel does two square roots, two divisions, e^{−αR} and sin/cos polynomials after',
      'a three-part reduction and a four-lane table gather, in 128-bit SIMD without FMA; V8 keeps the loop in',
      '16 registers, so a quarter of its instructions are spills and reloads. The golden numbers pin this',
      'arithmetic to the bit: a half-turn phase with minimax sin/cos, a polynomial directivity and 1/R² beside',
      '√ (two points per pass) measured 1.1× faster here and 1.6× for bowl patches, but move the goldens (iliac',
      'wing: peak pressure 4.5e-3, for a field within 4e-6).',
    ],
    phases: [
      {
        phase: `per call: set-up (sources, points, jinc table into the kernel's memory; a ${small}-point call)`,
        ms: setup.median,
      },
      {
        phase: `the sum: ${perTerm.toFixed(2)} ns per element–point term (target 2.5 ns; native ceiling 0.63 ns)`,
        ms: fast.median - setup.median,
      },
    ],
    detail: {
      elements: layout.count,
      points: m,
      setup,
      nsPerTerm: perTerm,
      wasm: fast,
      js: slow,
      shareOfNativeCeiling: rate(fast) / NATIVE_CEILING,
    },
  };
}

/** Shares of the native ceiling, as its own row so the table shows it beside the target's quarter. */
export function ceilingRow(field: Row): Row {
  return {
    id: 'field-kernel-ceiling',
    figure: 'Field kernel: share of the native ceiling (1.6e9 terms/s per core)',
    measured: (100 * field.measured) / NATIVE_CEILING,
    unit: '%',
    target: { value: (100 * FIELD_TARGET) / NATIVE_CEILING, kind: 'at least' },
    baseline: { value: (100 * (field.baseline?.value ?? 0)) / NATIVE_CEILING, name: 'JavaScript (Float64)' },
    notes: [],
  };
}

function fillPlanes(p: Planes, seed: number): void {
  const r = noise(seed);
  for (let i = 0; i < p.re.length; i++) {
    p.re[i] = r();
    p.im[i] = r();
  }
}

/** Ten forward and ten inverse 2D FFTs of an n × n complex slice, alternating so the data stay bounded. */
function fftWork(k: SliceKernels, n: number): () => void {
  k.begin(planeBytes(n * n), n);
  const p = k.planes(n * n);
  fillPlanes(p, n);
  return () => {
    for (let i = 0; i < 10; i++) {
      k.fft(p, n, false);
      k.fft(p, n, true);
    }
  };
}

/** Per transform: a sample's time over its 20 transforms. */
function perTransform(t: Timing): Timing {
  const f = (x: number) => x / 20;
  return { ...t, median: f(t.median), min: f(t.min), max: f(t.max), samples: t.samples.map(f), cpu: f(t.cpu) };
}

export function fftRows(options: KernelOptions): Row[] {
  const js = jsSliceKernels();
  return [128, 256].map((n) => {
    const reps = options.quick ? 5 : 15;
    // The WebAssembly kernels' memory holds one computation at a time: this one only, while it is timed.
    const [a, b] = timePair(fftWork(wasm.slices, n), fftWork(js, n), { warmup: 2, repeats: reps });
    const fast = perTransform(a);
    const slow = perTransform(b);
    options.log(`FFT ${n}²: ${wasm.slices.name} ${fast.median.toFixed(3)} ms, ${js.name} ${slow.median.toFixed(3)} ms`);
    return {
      id: `fft-${n}`,
      figure: `2D FFT ${n} × ${n} (complex, f32 planes), one transform`,
      measured: fast.median,
      cpu: fast.cpu,
      unit: 'ms',
      baseline: { value: slow.median, name: 'fft.js' },
      notes: [],
      detail: { n, wasm: fast, js: slow },
    } satisfies Row;
  });
}

/**
 * A steady Gaussian heat source (peak 4e7 W/m³, σ = 3 mm) in muscle with perfusion, Dirichlet faces: 20 heating
 * and 20 cooling steps with max ΔT and CEM43 kept, as runThermalSchedule runs a sonication (its kernels' `start`
 * and `finish` copies included).
 */
function pennesCase(nx: number, ny: number, nz: number, spacing: number) {
  const grid: VoxelGrid = { nx, ny, nz, spacing, origin: [0, 0, 0] };
  const count = nx * ny * nz;
  const problem = prepareBioheat(grid, bioheatMediumFromLabels(new Uint8Array(count), ['muscle']), 'dirichlet');
  const q = new Float64Array(count);
  const sigma2 = 3e-3 ** 2;
  for (let v = 0; v < count; v++) {
    const i = (v % nx) - (nx - 1) / 2;
    const j = (Math.floor(v / nx) % ny) - (ny - 1) / 2;
    const k = Math.floor(v / (nx * ny)) - (nz - 1) / 2;
    q[v] = 4e7 * Math.exp(-((i * i + j * j + k * k) * spacing * spacing) / (2 * sigma2));
  }
  const dt = Math.min(0.25, problem.maxTimeStep);
  const schedule: ThermalSchedule = { heatingSteps: 20, heatingDt: dt, coolingSteps: 20, coolingDt: dt };
  const run = (kernels?: BioheatKernels) => () => {
    runThermalSchedule(problem, q, schedule, {
      maxRise: new Float64Array(count),
      dose: new Float64Array(count),
      probes: new Int32Array(0),
      history: new Float64Array(0),
      ...(kernels ? { kernels } : {}),
    });
  };
  /** The kernels alone: copy in, 40 bare steps, copy out, each timed. */
  const parts = (kernels: BioheatKernels) => {
    const rise = new Float64Array(count);
    const t0 = performance.now();
    const steps = kernels.start(problem, rise, new Float64Array(count), new Float64Array(count));
    steps.setSource(q);
    const t1 = performance.now();
    for (let i = 0; i < 20; i++) steps.step(dt, 2);
    steps.setSource(null);
    for (let i = 0; i < 20; i++) steps.step(dt, 2);
    const t2 = performance.now();
    steps.finish(rise, new Float64Array(count), new Float64Array(count));
    const t3 = performance.now();
    return { start: t1 - t0, steps: t2 - t1, finish: t3 - t2 };
  };
  return { count, steps: 40, run, parts };
}

/**
 * Pennes voxel-steps per second on each grid.
 * @param grids - [label, nx, ny, nz, spacing]
 */
export async function pennesRows(
  options: KernelOptions,
  grids: [string, number, number, number, number][],
): Promise<Row[]> {
  const start = performance.now();
  while (!pair.helperReady() && performance.now() - start < 30_000) await new Promise((r) => setTimeout(r, 20));
  return grids.map(([label, nx, ny, nz, spacing]) => {
    const c = pennesCase(nx, ny, nz, spacing);
    // Interleaved: two threads' run, one thread's, the reference's, then the parts one by one, so all meet the same
    // load from other processes.
    const pairRun = c.run(pair.bioheat);
    const oneRun = c.run(wasm.bioheat);
    const jsRun = c.run();
    pairRun();
    oneRun();
    jsRun();
    c.parts(pair.bioheat);
    const a = new Stopwatch();
    const one = new Stopwatch();
    const b = new Stopwatch();
    const split: ReturnType<typeof c.parts>[] = [];
    const helpedBefore = pair.helped();
    let pairSteps = 0;
    for (let i = 0; i < (options.quick ? 3 : 7); i++) {
      a.start();
      pairRun();
      a.stop();
      one.start();
      oneRun();
      one.stop();
      b.start();
      jsRun();
      b.stop();
      split.push(c.parts(pair.bioheat));
      pairSteps += HEAT_CHUNKS * c.steps;
    }
    const helped = pair.helped() - helpedBefore;
    const fast = a.timing(1);
    const single = one.timing(1);
    const slow = b.timing(1);
    const rate = (t: Timing) => (c.count * c.steps) / (t.median / 1000);
    const part = (k: 'start' | 'steps' | 'finish') => median(split.map((x) => x[k]));
    const stepRate = (c.count * c.steps) / (part('steps') / 1000);
    options.log(
      `Pennes ${label} (${nx}×${ny}×${nz}, ${c.steps} steps): ${pair.bioheat.name} ${fast.median.toFixed(1)} ms, one thread ${single.median.toFixed(1)} ms, JavaScript ${slow.median.toFixed(1)} ms`,
    );
    return {
      id: `pennes-${nx}x${ny}x${nz}`,
      figure: `Pennes step with max ΔT and CEM43, ${label} ${nx}×${ny}×${nz}, two threads`,
      measured: rate(fast),
      cpu: (c.count * c.steps) / (fast.cpu / 1000),
      unit: 'voxel-steps/s',
      target: { value: PENNES_TARGET, kind: 'at least' },
      baseline: { value: rate(slow), name: 'JavaScript (Float64)' },
      notes: [
        `As the app's workers and the command line run a sonication's heat: each step shared out in ${HEAT_CHUNKS} chunks between the calling thread (from the front) and a helper thread (from the back) in shared WebAssembly memory (engine/kernels/shared-heat.ts; the helper took ${helped} of ${pairSteps} chunks, the calling thread the rest, also while the helper was waking); ${fast.median.toFixed(1)} ms for ${c.steps} steps, copies in and out included.`,
        `The same run on one thread: ${rate(single).toExponential(2)} voxel-steps/s (${single.median.toFixed(1)} ms), so the second thread gives ${(single.median / fast.median).toFixed(2)}×; the bare split steps run at ${stepRate.toExponential(2)}/s. The CPU figure counts the calling thread only.`,
      ],
      phases: [
        { phase: 'copy the problem in (start, setSource)', ms: part('start') },
        { phase: `${c.steps} steps in the kernel (${stepRate.toExponential(2)} voxel-steps/s)`, ms: part('steps') },
        { phase: 'copy the state out (finish)', ms: part('finish') },
        {
          phase: 'runThermalSchedule around them (records, callbacks)',
          ms: Math.max(0, fast.median - part('start') - part('steps') - part('finish')),
        },
      ],
      detail: {
        grid: [nx, ny, nz],
        spacing,
        steps: c.steps,
        wasm: fast,
        oneThread: single,
        js: slow,
        bareStepRate: stepRate,
        helperChunks: helped,
        chunks: pairSteps,
      },
    } satisfies Row;
  });
}

import type { Phase, Row } from './report.ts';

/**
 * What would close each missed target (issue 9: "say for each miss where the time goes and what would close it").
 * The phases say where the time goes; these lines turn them into the work that would meet the target, with the
 * sizes taken from this run's own phases where the run measured them. Speed-ups quoted without a measurement of
 * this run are marked as estimates.
 */
export function whatWouldClose(row: Row, rows: readonly Row[]): string[] {
  const rule = RULES.find(([prefix]) => row.id.startsWith(prefix));
  return rule ? rule[1](row, (id) => rows.find((r) => r.id === id)) : [];
}

type Find = (id: string) => Row | undefined;

/** The first phase of `row` whose text starts with `start` [its unit], or 0. */
function phaseMs(row: Row | undefined, start: string): number {
  return row?.phases?.find((p: Phase) => p.phase.startsWith(start))?.ms ?? 0;
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;

/** The engine's sonication (Node phases): the march's JavaScript share and the fine heat. */
function engineShares(node: Row | undefined): { march: number; wasm: number; js: number; fine: number; fft: number } {
  const march = phaseMs(node, 'march');
  const fft = phaseMs(node, 'of which march: 2D FFTs');
  const wasm = fft + phaseMs(node, 'of which march: slice arithmetic');
  return { march, wasm, js: Math.max(0, march - wasm), fine: phaseMs(node, 'Pennes on the focal region'), fft };
}

function sonicationLines(engineMs: number, budget: number, node: Row | undefined): string[] {
  const e = engineShares(node);
  return [
    `The engine must take ≤ ${ms(budget)} (now ${ms(engineMs)}).`,
    `Its march takes ${ms(e.march)} in Node, of which the WebAssembly kernels ${ms(e.wasm)} and JavaScript the rest, ${ms(e.js)} (the reference medium of each slice, the crossings of tissue faces column by column, the incidence angles): the kernels run the same kind of loop 5–8× faster than JavaScript (the Pennes and FFT lines), so moving these loops into them would save up to about ${ms(0.6 * e.js)} (estimate: part of it is glue and garbage collection, not loops).`,
    `The focal region's heat (${ms(e.fine)}: Pennes steps on two threads, the nested faces, the dose report): its steps are shared by two threads already (engine/kernels/shared-heat.ts); what is left of it is the copies in and out and the dose report, on one thread.`,
    `A hardware GPU would take the march's FFTs (${ms(e.fft)}) and the drawing's waits (next lines). Where the settings stand still for 0.8 s, the sonication is already computed ahead and meets the target (the line "after the settings stood still").`,
  ];
}

/** A sonication whose field is reused: only the heat runs. */
function heatOnlyLines(node: Row | undefined): string[] {
  const fine = engineShares(node).fine;
  const coarse = phaseMs(node, 'Pennes on the whole path');
  return [
    `Only the heat runs: the whole path's (${ms(coarse)} in Node) and the focal region's (${ms(fine)}). Split into two slabs over the two cores (shared WebAssembly memory, one barrier a step), each would take about 0.6× as long (estimate).`,
  ];
}

/** Rules by id prefix; the first that matches answers, so a longer id comes before its prefix. */
const RULES: [string, (row: Row, find: Find) => string[]][] = [
  [
    'sonicate-chromium-prepared',
    () => [
      'The click takes the sonication computed ahead, which starts 0.8 s after the last change (app/prepare-field.ts): a miss means it was not finished when the click came, so the cold sonication\'s cuts (the line "Sonicate → result on screen") apply.',
    ],
  ],
  ['sonicate-chromium-power-only', (_, find) => heatOnlyLines(find('femur-sonication-node'))],
  ['femur-sonication-power-only', (_, find) => heatOnlyLines(find('femur-sonication-node'))],
  ['femur-sonication-new-beams', (row, find) => sonicationLines(row.measured, 1000, find('femur-sonication-node'))],
  [
    'drag-estimate-chromium',
    () => [
      "The engine's share is the Node line (a beam trace and a focal sum): past it the time is the main thread's (the pointer, the store, React): a slower machine needs the estimate's numbers written to the page outside React's render, as the 3D view's are.",
    ],
  ],
  [
    'estimate-node',
    () => [
      "The estimate is one planning trace of every element's beam through the case's surfaces (three-mesh-bvh) and a one-point Rayleigh sum at the focus (engine/estimate.ts): on a slower machine the trace's rays per element are the cut, since the sum is a few hundred terms.",
    ],
  ],
  [
    'sonicate-chromium',
    (row, find) => {
      const engine = phaseMs(row, 'engine in the worker');
      const rest = row.measured - engine;
      return sonicationLines(engine, 1000 - rest, find('femur-sonication-node'));
    },
  ],
  ['femur-sonication-node', (row) => sonicationLines(row.measured, 1000, row)],
  [
    'plan-chromium',
    (row, find) => {
      const spots = Number(/(\d+) spots/.exec(row.figure)?.[1] ?? 29);
      const worker = phaseMs(row, 'worker threads') / 1000;
      const others = (phaseMs(row, 'main thread') + phaseMs(row, 'other renderer threads')) / 1000;
      const busy = worker / row.measured;
      const allowed = Math.max(0, 2 * 10 - others);
      const node = find('femur-sonication-node');
      const e = engineShares(node);
      return [
        `On two cores the plan's work must fit in 2 × 10 s: the page's other threads take ${others.toFixed(1)} s, so the workers may use ≤ ${allowed.toFixed(1)} s of CPU (now ${worker.toFixed(1)} s, ${((1000 * worker) / spots).toFixed(0)} ms a spot) with both cores busy throughout (now ${busy.toFixed(2)} cores on average).`,
        `Each spot is one march and two heat runs: the march's JavaScript into WebAssembly (up to ≈ ${ms(0.6 * e.js)} of a sonication's march, see the Sonicate line) is the largest cut; then the replay frames' fresh pages, written by the worker that heats, which is the pipeline's critical path (a plan's frames take up to 256 MiB; first touches cost 4–8 ms per MB on this machine, physics/scratch.ts): frames handed back by the page for reuse, or stored in 16 bits, would halve or remove that.`,
        `The rest is the pipeline's idle: the worker that heats waits for a helper's march when the helpers fall behind (worker/client.ts pooledPlan); a march split into slabs over both workers would keep both cores busy.`,
      ];
    },
  ],
  [
    'plan-node',
    (row) => {
      const spots = Number(/(\d+) spots/.exec(row.figure)?.[1] ?? 29);
      const perSpot = phaseMs(row, `per spot × ${spots}: field`) / spots;
      return [
        `This line is one thread: ≤ 10 s would need ≤ ${ms(10000 / spots)} a spot, against ${ms(perSpot)} now. The command line runs plans on worker threads as the app does (src/cli/plan-threads.ts), so with two cores the Chromium line's analysis applies: the march's JavaScript into WebAssembly, the frames' first touches, both cores busy.`,
      ];
    },
  ],
  [
    'field-kernel',
    () => [
      'About 1.6× more is needed. Two changes were measured: a half-turn phase with minimax sin/cos, a polynomial directivity and 1/R² beside √R (two points per pass) ran 1.1× faster here and 1.6× for bowl patches, but it moves the golden numbers (iliac wing peak pressure by 4.5e-3 relative), which would have to be re-pinned after re-validation; fused multiply–add (WebAssembly relaxed SIMD) would remove about a third of the arithmetic instructions where the CPU has FMA, at the price of results that differ between machines in the last bits, so the goldens would need tolerances instead of bit-exact values.',
    ],
  ],
  [
    'pennes-',
    (row) => {
      const steps = phaseMs(row, '40 steps in the kernel');
      const total = (row.phases ?? []).reduce((sum, p) => sum + p.ms, 0);
      return [
        `Each step is already shared by two threads (engine/kernels/shared-heat.ts). ${((100 * (total - steps)) / Math.max(1e-9, total)).toFixed(0)} % of this run is around the steps, on one thread (copies in and out, the schedule's records): keeping the state in the kernel's memory between a run's chunks would remove most of it. A helper that wakes late (its core busy) leaves more chunks to the calling thread, so a loaded machine measures nearer the one-thread rate; the copies into and out of shared memory are slower than into a private one (V8 copies element by element there: 2–15× measured here).`,
      ];
    },
  ],
  [
    'memory-femur-node',
    (row) => {
      const rest = phaseMs(row, 'the rest of the process');
      return [
        `The process itself (Node, V8, tsx, the case) takes ${mb(rest)}, leaving ${mb(Math.max(0, 300 - rest))} of the budget for the computation, which peaks at ${mb(row.measured - rest)}: the lattice's field and its scratch (complex f32), the thermal grids (f64) and the replay frames (f32). Under 300 MB needs both a smaller process (plain Node instead of tsx) and a smaller computation: thermal grids in f32 (the Pennes kernels already step in f32; the JavaScript around them keeps f64) and replay frames in 16 bits are where to cut.`,
      ];
    },
  ],
  [
    'memory-plan-node',
    () => [
      "As the sonication's line, plus the plan's replay frames (up to 256 MiB, capped in physics/time-resolved.ts) and every spot's kept field: frames in 16 bits with a 64 MiB cap and kept fields in f32 would roughly halve the plan's arrays (estimate).",
    ],
  ],
  [
    'memory-chromium',
    (row) => {
      const main = phaseMs(row, 'JavaScript, main thread');
      const sim = phaseMs(row, 'JavaScript, the simulation workers');
      const rest = phaseMs(row, 'the rest of the renderer');
      if (!main && !sim)
        return [
          "This run has no split of the page's JavaScript by thread (the page must be cross-origin isolated for it): see its phases.",
        ];
      return [
        `The page's own JavaScript after the plans is ${mb(main)} on the main thread (mostly the plan's replay frames, frames × voxels × 8 B) and ${mb(sim)} in the simulation workers (their WebAssembly memories, which grow to the largest march and never shrink, and the kept fields of the last sonication and of every plan spot); the rest of the renderer, ${mb(rest)}, is the browser's own (code, DOM, canvases) on a software renderer. Frames in 16 bits with a 64 MiB cap for plans, kept plan fields in f32 and a worker restarted after a plan to give its WebAssembly memory back would bring the page's JavaScript to about ${mb(0.35 * main + 0.5 * sim)} (estimate), at a price in speed and in replay: a fresh WebAssembly memory faults its pages again on the next march (4–8 ms per MB here), and a 64 MiB cap leaves a long plan's replay a quarter of its frames. Even so the renderer's own share keeps the page above 300 MB on this software renderer.`,
      ];
    },
  ],
  [
    'long-task',
    (row, find) => {
      const long = row.id === 'long-tasks-chromium' ? row : find('long-tasks-chromium');
      const waits = (long?.phases ?? [])
        .filter((p) => p.phase.includes('WaitForGetOffset'))
        .reduce((sum, p) => sum + p.ms, 0);
      return [
        `In the profiled windows the main thread waited ${ms(waits)} on the GPU process, which here draws on the CPU (SwiftShader): most long tasks are frames and shader compiles of a software renderer, which a hardware GPU removes. Compiling off the main thread does not help here: SwiftShader does not offer KHR_parallel_shader_compile, so three's compileAsync compiles as synchronously as a first draw, and a single program takes longer than 50 ms to compile. What would close it on this machine is drawing the 3D view in a worker (an OffscreenCanvas transferred from the page), so that the GPU process's waits and the compiles hold that worker and not the page; the view already compiles the result materials at load (all in one frame: one program per frame, tried, left the compiles to the first sonication's arrival, 0.3–0.9 s long tasks there), draws at device-pixel ratio 1, at half resolution while moving, and only on demand.`,
      ];
    },
  ],
];

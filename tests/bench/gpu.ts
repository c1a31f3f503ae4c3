import { readFileSync } from 'node:fs';
import { type Browser, chromium } from '@playwright/test';
import { KERNELS_FILE } from '../../src/cli/kernels.ts';
import { createWasmKernels } from '../../src/engine/kernels/wasm-kernels.ts';
import { type AdapterDescription, nameOf } from '../../src/gpu/device.ts';
import type { RayleighSum } from '../../src/physics/rayleigh.ts';
import { bundleGpuFieldPage, openGpuFieldPage } from '../e2e/fixtures/gpu-field-bundle.ts';
import type { GpuFieldPage, Timing } from '../e2e/fixtures/gpu-field-page.ts';
import { bowlSum, boxPoints } from '../gpu/cases.ts';
import { median, timeSync } from './measure.ts';
import type { Row } from './report.ts';

/**
 * The WebGPU Rayleigh kernel in Chromium (--enable-unsafe-webgpu), beside the CPU (WebAssembly, one core in Node) on
 * the same sums: the field-kernel line's 208 elements × 20 000 points, and a whole focal volume, 4096 bowl patches
 * onto 61³ points (31³ with --quick). Times are pack + upload + dispatches + read back, i.e. what a sonication pays.
 * Without a hardware GPU, Chromium's adapter is SwiftShader (software, on these same CPU cores): the line then says
 * so, and its figure is not a GPU's.
 */

export interface GpuOptions {
  quick: boolean;
  log: (line: string) => void;
}

declare global {
  interface Window {
    gpuField: Promise<GpuFieldPage>;
  }
}

const ARGS = ['--headless', '--no-sandbox', '--disable-quic', '--no-first-run', '--enable-unsafe-webgpu'];

/** The WebAssembly kernel on one sum [ms per sum]. */
function cpuTime(sum: RayleighSum, repeats: number): number {
  const wasm = createWasmKernels(readFileSync(KERNELS_FILE));
  const m = sum.points.length / 3;
  const re = new Float64Array(m);
  const im = new Float64Array(m);
  const run = () => wasm.rayleigh.pressure(sum.sources, sum.medium, sum.frequency, sum.points, re, im);
  return timeSync(run, { warmup: repeats > 1 ? 1 : 0, repeats }).median;
}

/**
 * @param options - quick or not, and the log
 * @param cpuFieldKernel - the field-kernel line's CPU figure [terms/s] (208 × 20 000, WebAssembly, one core)
 * @returns the GPU lines (none when Chromium offers no adapter, with the reason logged)
 */
export async function gpuRows(options: GpuOptions, cpuFieldKernel: Row): Promise<Row[]> {
  let browser: Browser | undefined;
  try {
    const code = await bundleGpuFieldPage();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
    const page = await browser.newPage();
    // Routed, never fetched: any port of 127.0.0.1 is a secure origin for WebGPU.
    await openGpuFieldPage(page, 'http://127.0.0.1:4399', code);
    const adapter = await page.evaluate(async () => (await window.gpuField).adapter);
    if (typeof adapter === 'string') {
      options.log(`GPU: none (${adapter}): no GPU lines`);
      return [];
    }
    const software = adapter.software;
    const label = nameOf(adapter);
    options.log(`GPU: ${label}`);
    // The first dispatch compiles the pipeline on some drivers: not part of a sum's time.
    await page.evaluate(async () => (await window.gpuField).time('array', 1));
    const repeats = software ? 1 : options.quick ? 3 : 7;
    const time = (name: string): Promise<Timing> =>
      page.evaluate(async ([n, r]) => (await window.gpuField).time(n as string, r as number), [name, repeats]);
    const array = await time('array-20k');
    const volumeName = options.quick ? 'bowl-31cube' : 'bowl-61cube';
    const volume = await time(volumeName);
    const side = options.quick ? 31 : 61;
    const volumeSum = bowlSum(4096, boxPoints(side, side, side, options.quick ? 1e-3 : 5e-4, 0.14));
    const cpuVolumeMs = cpuTime(volumeSum, 1);
    options.log(
      `GPU Rayleigh ${array.sources} × ${array.points}: ${median(array.ms).toFixed(0)} ms; ${volume.sources} × ${volume.points}: ${median(volume.ms).toFixed(0)} ms (CPU ${cpuVolumeMs.toFixed(0)} ms)`,
    );
    return [
      row('field-kernel-gpu', array, adapter, label, software, {
        value: cpuFieldKernel.measured,
        name: 'WebAssembly SIMD (f32), one core, Node',
      }),
      row('field-kernel-gpu-volume', volume, adapter, label, software, {
        value: (volume.sources * volume.points) / (cpuVolumeMs / 1000),
        name: 'WebAssembly SIMD (f32), one core, Node (1 run)',
      }),
    ];
  } catch (error) {
    options.log(`GPU measurement failed: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  } finally {
    await browser?.close();
  }
}

function row(
  id: string,
  timing: Timing,
  adapter: AdapterDescription,
  label: string,
  software: boolean,
  baseline: { value: number; name: string },
): Row {
  const terms = timing.sources * timing.points;
  const ms = median(timing.ms);
  return {
    id,
    figure: `Field kernel on the GPU (WebGPU, Chromium): Rayleigh sum, ${timing.sources} sources × ${timing.points} points`,
    measured: terms / (ms / 1000),
    unit: 'terms/s',
    baseline,
    notes: [
      `Adapter: ${label}.${software ? ' SOFTWARE (SwiftShader on this machine’s CPU cores): a check that the path runs, not a GPU’s speed.' : ''}`,
      `${ms.toFixed(1)} ms per sum (median of ${timing.ms.length}: pack, upload, dispatches, read back).`,
    ],
    detail: { adapter, ms: timing.ms, terms },
  };
}

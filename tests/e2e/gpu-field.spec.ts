import { expect, test } from '@playwright/test';
import { GPU_TOLERANCE } from '../gpu/cases.ts';
import { bundleGpuFieldPage, openGpuFieldPage } from './fixtures/gpu-field-bundle.ts';
import type { GpuFieldPage } from './fixtures/gpu-field-page.ts';

/*
 * The WebGPU Rayleigh kernel in Chromium against the Float64 JavaScript reference, on small sums. Runs in the 'gpu'
 * project of playwright.config.ts (Chromium with --enable-unsafe-webgpu: SwiftShader's software adapter, so this
 * checks correctness, not speed). One page for all checks: a page load is most of an e2e test's cost.
 */

declare global {
  interface Window {
    gpuField: Promise<GpuFieldPage>;
  }
}

let code = '';
test.beforeAll(async () => {
  code = await bundleGpuFieldPage();
});

test('the WebGPU field equals the CPU reference within f32 accuracy, and a lost device falls back to the CPU', async ({
  page,
  baseURL,
}) => {
  await openGpuFieldPage(page, baseURL ?? 'http://127.0.0.1:4173', code);
  const adapter = await page.evaluate(async () => (await window.gpuField).adapter);
  expect(typeof adapter, `no adapter: ${JSON.stringify(adapter)}`).toBe('object');

  for (const name of ['array', 'bowl']) {
    const v = await page.evaluate(async (n) => (await window.gpuField).validate(n), name);
    test.info().annotations.push({
      type: `${name}: ${v.sources} sources × ${v.points} points`,
      description: `relative L2 ${v.error.relativeL2.toExponential(2)}, max/peak ${v.error.maxOverPeak.toExponential(2)}; GPU ${v.gpuMs.toFixed(0)} ms, JS ${v.cpuMs.toFixed(0)} ms`,
    });
    expect(v.points).toBe(3375);
    expect(v.error.relativeL2, name).toBeLessThan(GPU_TOLERANCE.relativeL2);
    expect(v.error.maxOverPeak, name).toBeLessThan(GPU_TOLERANCE.maxOverPeak);
  }

  // Destroying the device is what a lost GPU looks like: the sum comes back from the CPU, whole and right.
  const lost = await page.evaluate(async () => (await window.gpuField).afterDeviceLoss('array'));
  expect(lost.failure).toMatch(/lost|destroyed/i);
  expect(lost.events).toEqual([{ served: false, terms: expect.any(Number) }]);
  expect(lost.error.relativeL2).toBe(0);
});

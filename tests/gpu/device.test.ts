import { describe, expect, it } from 'vitest';
import { acquireGpu, nameOf } from '../../src/gpu/device.ts';

/*
 * Acquiring a WebGPU device decides whether the GPU path runs at all. Node has no WebGPU; the browser's GPU object
 * is replaced here by minimal ones that answer as a browser does (no adapter, a software adapter, a hardware one).
 */

interface FakeAdapterInfo {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
}

function fakeGpu(info: FakeAdapterInfo | null, requested: GPUDeviceDescriptor[] = []): GPU {
  const limits = { maxStorageBufferBindingSize: 1 << 30, maxBufferSize: 1 << 31 };
  const adapter = info && {
    info,
    limits,
    requestDevice: async (descriptor: GPUDeviceDescriptor) => {
      requested.push(descriptor);
      return { label: 'device' } as unknown as GPUDevice;
    },
  };
  return { requestAdapter: async () => adapter } as unknown as GPU;
}

const swiftshader = { vendor: 'google', architecture: 'swiftshader', description: '', isFallbackAdapter: true };
const hardware = { vendor: 'intel', architecture: 'gen-12lp', description: 'Iris Xe', isFallbackAdapter: false };

describe('acquiring a WebGPU device', () => {
  it('in Node there is no navigator.gpu: a reason, no throw', async () => {
    expect(await acquireGpu()).toEqual({ ok: false, reason: 'no WebGPU in this context (navigator.gpu is absent)' });
  });

  it('a browser that offers no adapter (Chromium without --enable-unsafe-webgpu and no GPU): a reason', async () => {
    expect(await acquireGpu({ gpu: fakeGpu(null) })).toEqual({ ok: false, reason: 'WebGPU offers no adapter' });
  });

  it('a software adapter is refused unless asked for: the CPU kernels beat it on the same CPU', async () => {
    const refused = await acquireGpu({ gpu: fakeGpu(swiftshader) });
    expect(refused).toEqual({
      ok: false,
      reason: 'only a software adapter (google swiftshader (software)): the CPU kernels are faster',
    });
    const accepted = await acquireGpu({ gpu: fakeGpu(swiftshader), allowSoftware: true });
    expect(accepted.ok && accepted.adapter.software).toBe(true);
  });

  it('a hardware adapter gives a device with the adapter’s largest storage buffers', async () => {
    const requested: GPUDeviceDescriptor[] = [];
    const got = await acquireGpu({ gpu: fakeGpu(hardware, requested) });
    if (!got.ok) throw new Error(got.reason);
    expect(nameOf(got.adapter)).toBe('intel gen-12lp Iris Xe');
    expect(requested[0]?.requiredLimits).toEqual({ maxStorageBufferBindingSize: 1 << 30, maxBufferSize: 1 << 31 });
  });

  it('a device request that fails comes back as a reason', async () => {
    const gpu = {
      requestAdapter: async () => ({
        info: hardware,
        limits: { maxStorageBufferBindingSize: 1, maxBufferSize: 1 },
        requestDevice: async () => {
          throw new Error('OperationError: limits exceed the adapter');
        },
      }),
    } as unknown as GPU;
    const got = await acquireGpu({ gpu });
    expect(got).toEqual({
      ok: false,
      reason: 'WebGPU device request failed: Error: OperationError: limits exceed the adapter',
    });
  });
});

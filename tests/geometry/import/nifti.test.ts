import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/geometry/import/import-error.ts';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';
import { meshVolume } from '../../../src/geometry/isosurface.ts';

// A NIfTI label map (a segmentation) becomes one closed part per label, placed by the file's affine (issue 12).

/** A NIfTI-1 uint8 label map: dims, voxel size [mm], sform offset [mm], and the labels. */
function niftiFile(
  dims: [number, number, number],
  voxel: [number, number, number],
  offset: [number, number, number],
  labels: Uint8Array,
): ArrayBuffer {
  const out = new ArrayBuffer(352 + labels.length);
  const v = new DataView(out);
  v.setInt32(0, 348, true);
  for (const [i, d] of [3, ...dims, 1, 1, 1, 1].entries()) v.setInt16(40 + 2 * i, d, true);
  v.setInt16(70, 2, true); // uint8
  v.setInt16(72, 8, true);
  for (const [i, d] of [1, ...voxel, 1, 1, 1, 1].entries()) v.setFloat32(76 + 4 * i, d, true);
  v.setFloat32(108, 352, true);
  v.setFloat32(112, 1, true);
  v.setUint8(123, 2); // millimetres
  v.setInt16(254, 1, true); // sform
  const rows = [
    [voxel[0], 0, 0, offset[0]],
    [0, voxel[1], 0, offset[1]],
    [0, 0, voxel[2], offset[2]],
  ];
  for (const [r, row] of rows.entries())
    for (const [c, x] of row.entries()) v.setFloat32(280 + 16 * r + 4 * c, x, true);
  new Uint8Array(out, 344, 4).set([0x6e, 0x2b, 0x31, 0]); // "n+1\0"
  new Uint8Array(out, 352).set(labels);
  return out;
}

/** A 10 mm ball (label 1) and a 6 × 6 × 8 mm block (label 2) on 1 × 1 × 2 mm voxels. */
function segmentation(): ArrayBuffer {
  const dims: [number, number, number] = [40, 40, 20];
  const labels = new Uint8Array(40 * 40 * 20);
  for (let k = 0; k < 20; k++) {
    for (let j = 0; j < 40; j++) {
      for (let i = 0; i < 40; i++) {
        const [x, y, z] = [i, j, 2 * k];
        const v = i + 40 * (j + 40 * k);
        if ((x - 15) ** 2 + (y - 15) ** 2 + (z - 18) ** 2 <= 100) labels[v] = 1;
        else if (x >= 30 && x < 36 && y >= 30 && y < 36 && z >= 20 && z < 28) labels[v] = 2;
      }
    }
  }
  return niftiFile(dims, [1, 1, 2], [100, -50, 300], labels);
}

/** Gzipped bytes in a buffer of their own (Node's Buffer may share a larger pool). */
function gzipped(bytes: ArrayBuffer): ArrayBuffer {
  const z = gzipSync(new Uint8Array(bytes));
  return z.buffer.slice(z.byteOffset, z.byteOffset + z.byteLength) as ArrayBuffer;
}

describe('NIfTI label maps', () => {
  it.each([
    ['seg.nii', segmentation()],
    ['seg.nii.gz', gzipped(segmentation())],
  ])(
    '%s: one closed part per label, in millimetres, placed by the sform, about the right size',
    async (name, bytes) => {
      const parts = await importMeshFile(name, bytes);
      expect(parts.map((p) => p.name)).toEqual([`label 1 (${name})`, `label 2 (${name})`]);
      for (const p of parts) {
        expect(p.check.closed).toBe(true);
        expect(p.unit.unit).toBe('mm');
        expect(p.format).toBe('nifti');
      }
      const [ball] = parts;
      // The ball's centre: voxel (15, 15, 9) → (100 + 15, −50 + 15, 300 + 18) mm.
      const centre = ball?.min.map((lo, a) => (lo + (ball.max[a] as number)) / 2) ?? [];
      expect(centre[0]).toBeCloseTo(115, 0);
      expect(centre[1]).toBeCloseTo(-35, 0);
      expect(centre[2]).toBeCloseTo(318, 0);
      // Half-way surfaces of voxelised shapes: within 15 % of the shapes' volumes (coarse 2 mm slices).
      const indices = Uint32Array.from({ length: (ball?.positions.length ?? 0) / 3 }, (_, i) => i);
      const volume = meshVolume({ positions: ball?.positions ?? new Float32Array(), indices });
      expect(Math.abs(Math.abs(volume) / ((4 / 3) * Math.PI * 1000) - 1)).toBeLessThan(0.15);
    },
  );

  it('refuses a truncated image and an intensity image, saying why', async () => {
    const whole = new Uint8Array(segmentation());
    await expect(importMeshFile('cut.nii', whole.slice(0, 5000).buffer)).rejects.toThrow(/cut\.nii: .*truncated/);
    const noisy = new Uint8Array(segmentation());
    for (let i = 352; i < noisy.length; i++) noisy[i] = i % 251;
    await expect(importMeshFile('ct.nii', noisy.buffer)).rejects.toThrow(ImportError);
    await expect(importMeshFile('ct.nii', noisy.buffer)).rejects.toThrow(/not a segmentation/);
  });
});

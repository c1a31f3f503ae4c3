import * as nifti from 'nifti-reader-js';
import { isosurface } from '../isosurface.ts';
import { ImportError } from './import-error.ts';
import type { LengthUnit } from './units.ts';

/** Most voxels of a label map the importer reads (a 512 × 512 × 512 CT). */
const MAX_VOXELS = 512 ** 3;
/** Most labels: more suggests an intensity image, not a segmentation. */
const MAX_LABELS = 64;

/** One label of a segmentation as a closed surface, in the file's world frame. */
export interface LabelPart {
  name: string;
  label: number;
  /** 9 per triangle, in `unit` */
  positions: Float32Array;
}

const INTEGER_TYPES = new Map<number, { bytes: number; read: (v: DataView, at: number, little: boolean) => number }>([
  [nifti.NIFTI1.TYPE_UINT8, { bytes: 1, read: (v, at) => v.getUint8(at) }],
  [nifti.NIFTI1.TYPE_INT8, { bytes: 1, read: (v, at) => v.getInt8(at) }],
  [nifti.NIFTI1.TYPE_INT16, { bytes: 2, read: (v, at, l) => v.getInt16(at, l) }],
  [nifti.NIFTI1.TYPE_UINT16, { bytes: 2, read: (v, at, l) => v.getUint16(at, l) }],
  [nifti.NIFTI1.TYPE_INT32, { bytes: 4, read: (v, at, l) => v.getInt32(at, l) }],
  [nifti.NIFTI1.TYPE_UINT32, { bytes: 4, read: (v, at, l) => v.getUint32(at, l) }],
  [nifti.NIFTI1.TYPE_FLOAT32, { bytes: 4, read: (v, at, l) => v.getFloat32(at, l) }],
  [nifti.NIFTI1.TYPE_FLOAT64, { bytes: 8, read: (v, at, l) => v.getFloat64(at, l) }],
]);

/**
 * The labels of a NIfTI segmentation (`.nii` or `.nii.gz`, NIfTI-1 or -2, through nifti-reader-js) as closed
 * surfaces, one part per non-zero label: each label's voxels, cropped to their box, are meshed by marching
 * tetrahedra at half-way (geometry/isosurface.ts) in voxel indices, then placed by the file's own affine (sform or
 * qform), which carries anisotropic voxels and the scanner's orientation. The unit is the header's (millimetres by
 * the NIfTI convention when it says none).
 * @param name - the file name, for messages
 * @param bytes - the file
 * @returns the parts and their unit
 * @throws ImportError naming the file and the reason
 */
export function readNiftiLabels(name: string, bytes: ArrayBuffer): { parts: LabelPart[]; unit: LengthUnit } {
  let data: ArrayBuffer = bytes;
  if (nifti.isCompressed(bytes)) {
    try {
      data = nifti.decompress(bytes) as ArrayBuffer;
    } catch {
      throw new ImportError(name, 'a gzip file that cannot be decompressed (truncated?)');
    }
  }
  if (!nifti.isNIFTI(data)) throw new ImportError(name, 'not a NIfTI image (.nii or .nii.gz label map)');
  let header: nifti.NIFTI1 | nifti.NIFTI2;
  try {
    header = nifti.readHeader(data);
  } catch (error) {
    throw new ImportError(
      name,
      `a NIfTI header that cannot be read (${error instanceof Error ? error.message : error})`,
    );
  }
  const [, nx = 0, ny = 0, nz = 1] = header.dims;
  const count = nx * ny * nz;
  if (!(nx > 0 && ny > 0 && nz > 0) || !Number.isInteger(count)) {
    throw new ImportError(name, `a NIfTI image of ${nx} × ${ny} × ${nz} voxels`);
  }
  if (count > MAX_VOXELS) {
    throw new ImportError(name, `${nx} × ${ny} × ${nz} voxels is more than the ${MAX_VOXELS} a label map may have`);
  }
  const type = INTEGER_TYPES.get(header.datatypeCode);
  if (!type) throw new ImportError(name, `voxels of NIfTI type ${header.datatypeCode}: a label map holds integers`);
  let image: ArrayBuffer;
  try {
    image = nifti.readImage(header, data);
  } catch {
    throw new ImportError(name, 'the image data cannot be read (truncated?)');
  }
  if (image.byteLength < count * type.bytes) {
    throw new ImportError(
      name,
      `the image holds ${image.byteLength} bytes, fewer than ${count * type.bytes} for ${nx} × ${ny} × ${nz} voxels: it is truncated`,
    );
  }
  const view = new DataView(image);
  const labels = new Int32Array(count);
  const boxes = new Map<number, [number, number, number, number, number, number]>();
  for (let v = 0; v < count; v++) {
    const value = type.read(view, v * type.bytes, header.littleEndian);
    if (!Number.isFinite(value) || value === 0) continue;
    const label = Math.round(value);
    if (label !== value) throw new ImportError(name, `voxel value ${value} is not a whole number: not a label map`);
    labels[v] = label;
    const i = v % nx;
    const j = Math.floor(v / nx) % ny;
    const k = Math.floor(v / (nx * ny));
    const box = boxes.get(label);
    if (!box) {
      if (boxes.size === MAX_LABELS) {
        throw new ImportError(name, `more than ${MAX_LABELS} labels: an intensity image, not a segmentation?`);
      }
      boxes.set(label, [i, i, j, j, k, k]);
    } else {
      box[0] = Math.min(box[0], i);
      box[1] = Math.max(box[1], i);
      box[2] = Math.min(box[2], j);
      box[3] = Math.max(box[3], j);
      box[4] = Math.min(box[4], k);
      box[5] = Math.max(box[5], k);
    }
  }
  if (boxes.size === 0) throw new ImportError(name, 'every voxel is 0: the label map holds no structure');
  const affine = header.affine;
  const parts: LabelPart[] = [];
  for (const [label, [i0, i1, j0, j1, k0, k1]] of [...boxes].sort((a, b) => a[0] - b[0])) {
    // The label's box with one empty voxel around it, so its surface closes inside the grid.
    const gx = i1 - i0 + 3;
    const gy = j1 - j0 + 3;
    const gz = k1 - k0 + 3;
    const field = new Uint8Array(gx * gy * gz);
    for (let k = k0; k <= k1; k++) {
      for (let j = j0; j <= j1; j++) {
        for (let i = i0; i <= i1; i++) {
          if (labels[i + nx * (j + ny * k)] === label) field[i - i0 + 1 + gx * (j - j0 + 1 + gy * (k - k0 + 1))] = 1;
        }
      }
    }
    const surface = isosurface(field, { nx: gx, ny: gy, nz: gz, spacing: 1, origin: [i0 - 1, j0 - 1, k0 - 1] }, 0.5);
    const positions = new Float32Array(3 * surface.indices.length);
    for (let c = 0; c < surface.indices.length; c++) {
      const p = 3 * (surface.indices[c] as number);
      const x = surface.positions[p] as number;
      const y = surface.positions[p + 1] as number;
      const z = surface.positions[p + 2] as number;
      for (let a = 0; a < 3; a++) {
        const row = affine[a] as number[];
        positions[3 * c + a] =
          (row[0] as number) * x + (row[1] as number) * y + (row[2] as number) * z + (row[3] as number);
      }
    }
    parts.push({ name: `label ${label}`, label, positions });
  }
  const units = header.xyzt_units & nifti.NIFTI1.SPATIAL_UNITS_MASK;
  if (units === nifti.NIFTI1.UNITS_MICRON) {
    for (const part of parts)
      for (let i = 0; i < part.positions.length; i++) part.positions[i] = (part.positions[i] as number) / 1000;
  }
  return { parts, unit: units === nifti.NIFTI1.UNITS_METER ? 'm' : 'mm' };
}

import { describe, expect, it } from 'vitest';
import { scanLabels } from '../../src/physics/angular-spectrum/label-changes.ts';
import type { FaceInterfaceLookup } from '../../src/physics/angular-spectrum/march.ts';

// The march reads a lattice's surfaces from one scan of its labels. A plan marches every spot on the same lattice
// and new beams from the same pose march on the same labels, so the scan of a labels array is made once.

/** A 4 × 4 × 3 lattice: slice 0 all label 1, slice 1 label 2 in its first column only, slice 2 all label 2. */
function lattice(): Uint8Array {
  const labels = new Uint8Array(16 * 3).fill(1);
  labels[16] = 2;
  labels.fill(2, 32);
  return labels;
}

describe('the scan of a lattice’s labels', () => {
  it('finds the uniform slices, the labels present and the columns that change at each face', () => {
    const scan = scanLabels(lattice(), 16, 3);
    expect(Array.from(scan.uniform)).toEqual([1, -1, 2]);
    expect([0, 1, 2, 3].map((label) => scan.present[label])).toEqual([0, 1, 1, 0]);
    // Face 1 (slices 0 → 1): column 0; face 2 (slices 1 → 2): every column but 0.
    const { start, columns } = scan.changes;
    expect(Array.from(columns.subarray(start[1], start[2]))).toEqual([0]);
    expect(Array.from(columns.subarray(start[2], start[3]))).toEqual(Array.from({ length: 15 }, (_, c) => c + 1));
  });

  it('is made once per labels array and surfaces: the same scan again, a new one for other labels or surfaces', () => {
    const labels = lattice();
    const surface: FaceInterfaceLookup = () => ({ normal: [0, 0, 1], offset: 1e-4 });
    const first = scanLabels(labels, 16, 3, surface);
    expect(scanLabels(labels, 16, 3, surface)).toBe(first);
    // Equal labels in another array, or the same labels with other surfaces, are scanned anew (and alike).
    const copy = scanLabels(lattice(), 16, 3, surface);
    expect(copy).not.toBe(first);
    expect(copy).toEqual(first);
    const other = scanLabels(labels, 16, 3, () => undefined);
    expect(other).not.toBe(first);
    expect(other.changes.offsets?.every((offset) => Number.isNaN(offset))).toBe(true);
    expect(first.changes.offsets?.every((offset) => offset === 1e-4)).toBe(true);
  });
});

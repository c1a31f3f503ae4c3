import type { Planes } from './slice-kernels.ts';

/**
 * The reflected waves a one-way march leaves for the next one, per face. A curved surface reflects in the few
 * columns that cross it on each face, so those are kept sparsely (column, value); a planar interface between
 * uniform slices reflects everywhere and is kept as a dense slice. Either way the memory grows with the surfaces
 * crossed, not with the lattice.
 */
export class FaceSources {
  private readonly dense = new Map<number, { re: Float32Array; im: Float32Array }>();
  private readonly columns = new Map<number, number[]>();
  private readonly values = new Map<number, number[]>();

  /** Adds (a copy of) a whole reflected slice at a face. */
  addSlice(face: number, field: Planes): void {
    const existing = this.dense.get(face);
    if (!existing) {
      this.dense.set(face, { re: Float32Array.from(field.re), im: Float32Array.from(field.im) });
      return;
    }
    for (let i = 0; i < field.re.length; i++) {
      existing.re[i] = (existing.re[i] as number) + (field.re[i] as number);
      existing.im[i] = (existing.im[i] as number) + (field.im[i] as number);
    }
  }

  /** Adds one column's reflected wave at a face. */
  addColumn(face: number, column: number, re: number, im: number): void {
    let columns = this.columns.get(face);
    let values = this.values.get(face);
    if (!columns || !values) {
      columns = [];
      values = [];
      this.columns.set(face, columns);
      this.values.set(face, values);
    }
    columns.push(column);
    values.push(re, im);
  }

  /**
   * Adds the face's sources into a slice field.
   * @returns whether the face had any
   */
  addTo(face: number, field: Planes): boolean {
    const dense = this.dense.get(face);
    if (dense) {
      for (let i = 0; i < field.re.length; i++) {
        field.re[i] = (field.re[i] as number) + (dense.re[i] as number);
        field.im[i] = (field.im[i] as number) + (dense.im[i] as number);
      }
    }
    const columns = this.columns.get(face);
    const values = this.values.get(face);
    if (columns && values) {
      for (let s = 0; s < columns.length; s++) {
        const c = columns[s] as number;
        field.re[c] = (field.re[c] as number) + (values[2 * s] as number);
        field.im[c] = (field.im[c] as number) + (values[2 * s + 1] as number);
      }
    }
    return dense !== undefined || columns !== undefined;
  }

  /**
   * Σ over every face and column of |p|²·weight(face, column): the power the sources carry when weight is
   * dx²/(2Z).
   */
  weightedEnergy(weight: (face: number, column: number) => number): number {
    let sum = 0;
    for (const [face, dense] of this.dense) {
      for (let c = 0; c < dense.re.length; c++) {
        sum += ((dense.re[c] as number) ** 2 + (dense.im[c] as number) ** 2) * weight(face, c);
      }
    }
    for (const [face, columns] of this.columns) {
      const values = this.values.get(face) as number[];
      for (let s = 0; s < columns.length; s++) {
        sum +=
          ((values[2 * s] as number) ** 2 + (values[2 * s + 1] as number) ** 2) * weight(face, columns[s] as number);
      }
    }
    return sum;
  }
}

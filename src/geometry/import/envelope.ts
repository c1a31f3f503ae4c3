import { BufferAttribute, BufferGeometry } from 'three';
import type { TissueId } from '../../physics/tissue-ids.ts';
import { distanceTransform } from '../distance-transform.ts';
import { isosurface } from '../isosurface.ts';
import type { CasePart } from '../phantom.ts';
import type { VoxelGrid } from '../tissue-model.ts';
import { latticeOfGrid, voxeliseLattice } from '../voxel-raster.ts';

/** Layer thicknesses of a generated body envelope, outward from the bone [m]. */
export interface EnvelopeThickness {
  muscle: number;
  fat: number;
  skin: number;
}

/** A thigh's: 30 mm of muscle around the bone, 10 mm of fat, 2 mm of skin (PHYSICS.md §2 tissues). */
export const DEFAULT_ENVELOPE: EnvelopeThickness = { muscle: 0.03, fat: 0.01, skin: 0.002 };

/** Most voxels of the distance grid: ≈ 2.5 M keeps the envelope within a second or two. */
const MAX_VOXELS = 2_500_000;
/**
 * Most triangles of one shell, estimated before extracting it: marching tetrahedra make about 4.3 triangles per
 * voxel face crossed (measured on the OpenSim femur), and a shell's area is at most its box's. A whole femur on the
 * voxel budget alone gave 1.44 M triangles (35 MB of case file, 10 s, and every simulation worker and the view
 * holding them); the smooth offset shells need no finer facets than a few millimetres.
 */
const MAX_SHELL_TRIANGLES = 150_000;
const TRIANGLES_PER_FACE = 4.3;

/**
 * Soft tissue around bones that come without any: closed shells at constant distance from the bone surface, muscle
 * up to `muscle`, fat up to `muscle + fat`, skin up to the total, so beams have a path of skin, fat and muscle. The
 * bones are voxelised on a grid (1 mm, coarser for large bones), the exact Euclidean distance to them computed
 * (distance-transform.ts), and each shell is the isosurface where the distance equals its outer radius; the
 * voxeliser's priority rule (muscle before fat before skin) turns the nested solids into layers.
 * @param bones - the parts the envelope wraps (world, metres)
 * @param thickness - layer thicknesses [m]
 * @returns the muscle, fat and skin solids (parts named envelope)
 */
export function bodyEnvelope(bones: readonly CasePart[], thickness: EnvelopeThickness = DEFAULT_ENVELOPE): CasePart[] {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (const part of bones) {
    part.geometry.computeBoundingBox();
    const box = part.geometry.boundingBox;
    if (!box) continue;
    const bmin = box.min.toArray();
    const bmax = box.max.toArray();
    for (let a = 0; a < 3; a++) {
      lo[a] = Math.min(lo[a] as number, bmin[a] as number);
      hi[a] = Math.max(hi[a] as number, bmax[a] as number);
    }
  }
  const total = thickness.muscle + thickness.fat + thickness.skin;
  // The grid holds the outermost shell with two voxels to spare, so every shell closes inside it.
  let spacing = 1e-3;
  const sides = () => [0, 1, 2].map((a) => (hi[a] as number) - (lo[a] as number) + 2 * total + 4 * spacing);
  const shellTriangles = () => {
    const [a, b, c] = sides() as [number, number, number];
    return (TRIANGLES_PER_FACE * 2 * (a * b + b * c + c * a)) / spacing ** 2;
  };
  while (
    sides().reduce((p, s) => p * Math.ceil(s / spacing), 1) > MAX_VOXELS ||
    shellTriangles() > MAX_SHELL_TRIANGLES
  ) {
    spacing *= 1.25;
  }
  const [sx, sy, sz] = sides() as [number, number, number];
  const grid: VoxelGrid = {
    nx: Math.ceil(sx / spacing) + 1,
    ny: Math.ceil(sy / spacing) + 1,
    nz: Math.ceil(sz / spacing) + 1,
    spacing,
    origin: [
      (lo[0] as number) - total - 2 * spacing,
      (lo[1] as number) - total - 2 * spacing,
      (lo[2] as number) - total - 2 * spacing,
    ],
  };
  // The rasteriser's watertight crossings, not ray parity: a grazing ray must not leave a stray row inside.
  const table: TissueId[] = ['water'];
  const { labels } = voxeliseLattice(bones, latticeOfGrid(grid), table);
  const inside = new Uint8Array(labels.length);
  for (let v = 0; v < labels.length; v++) inside[v] = labels[v] === 0 ? 0 : 1;
  const distance = distanceTransform(inside, grid);
  // Inside a shell is distance ≤ radius: the isosurface of −distance at −radius (inside = value ≥ level).
  const field = new Float32Array(distance.length);
  for (let v = 0; v < field.length; v++) field[v] = -(distance[v] as number);
  // The distance runs to the nearest bone voxel's centre; the bone's surface lies about half a voxel beyond it.
  const shell = (name: string, tissue: CasePart['tissue'], radius: number): CasePart => {
    const { positions, indices } = isosurface(field, grid, -(radius + spacing / 2));
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    geometry.setIndex(new BufferAttribute(indices, 1));
    geometry.computeVertexNormals();
    return { name, tissue, label: 'envelope', geometry };
  };
  return [
    shell('muscle-envelope', 'muscle', thickness.muscle),
    shell('fat-envelope', 'fat', thickness.muscle + thickness.fat),
    shell('skin-envelope', 'skin', total),
  ];
}

import { Matrix4 } from 'three';
import { LENGTH_UNITS, type LengthUnit } from './units.ts';

/** The file's axis that points up in the body (head-ward for a long bone held upright). */
export type UpAxis = '+x' | '-x' | '+y' | '-y' | '+z' | '-z';

/** The rotation taking a file's up axis to the app's +y (three.js convention). */
export function upRotation(up: UpAxis): Matrix4 {
  const m = new Matrix4();
  if (up === '+z') return m.makeRotationX(-Math.PI / 2);
  if (up === '-z') return m.makeRotationX(Math.PI / 2);
  if (up === '+x') return m.makeRotationZ(Math.PI / 2);
  if (up === '-x') return m.makeRotationZ(-Math.PI / 2);
  if (up === '-y') return m.makeRotationX(Math.PI);
  return m;
}

/**
 * Where imported parts go in the app's frame: each part scaled from its unit to metres, all rotated so the chosen
 * up axis is +y, and (when `recentre`) moved so the centre of their joint bounding box is the origin (CT and
 * cryosection meshes sit hundreds of millimetres from their file's origin).
 * @param parts - positions (9 per triangle) and unit of each part
 * @param up - the files' up axis
 * @param recentre - move the joint box's centre to the origin
 * @returns one matrix per part (file units → metres, app frame)
 */
export function placementMatrices(
  parts: readonly { positions: Float32Array; unit: LengthUnit }[],
  up: UpAxis,
  recentre: boolean,
): Matrix4[] {
  const rotation = upRotation(up);
  const matrices = parts.map(({ unit }) => {
    const s = LENGTH_UNITS[unit];
    return new Matrix4().makeScale(s, s, s).premultiply(rotation);
  });
  if (!recentre) return matrices;
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  parts.forEach(({ positions }, p) => {
    const e = (matrices[p] as Matrix4).elements;
    for (let i = 0; i < positions.length; i += 3) {
      const x = positions[i] as number;
      const y = positions[i + 1] as number;
      const z = positions[i + 2] as number;
      for (let a = 0; a < 3; a++) {
        const w = (e[a] as number) * x + (e[a + 4] as number) * y + (e[a + 8] as number) * z + (e[a + 12] as number);
        if (w < (lo[a] as number)) lo[a] = w;
        if (w > (hi[a] as number)) hi[a] = w;
      }
    }
  });
  const shift = new Matrix4().makeTranslation(
    -((lo[0] as number) + (hi[0] as number)) / 2,
    -((lo[1] as number) + (hi[1] as number)) / 2,
    -((lo[2] as number) + (hi[2] as number)) / 2,
  );
  return matrices.map((m) => m.premultiply(shift));
}

import { type BufferGeometry, IcosahedronGeometry } from 'three';

type Vec3 = readonly [number, number, number];

/**
 * A lesion the user places on a bone that has none: an ellipsoid [m], closed and smooth enough for the voxeliser
 * (an icosphere of 1280 faces, scaled), centred where it is put, with its semi-axes along the world axes.
 * @param centre - [m]
 * @param radii - semi-axes along x, y, z [m]
 * @returns the geometry (indexed)
 */
export function lesionEllipsoid(centre: Vec3, radii: Vec3): BufferGeometry {
  const g = new IcosahedronGeometry(1, 3);
  g.scale(radii[0], radii[1], radii[2]);
  g.translate(centre[0], centre[1], centre[2]);
  return g;
}

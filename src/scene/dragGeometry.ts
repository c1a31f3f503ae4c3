import { type Ray, Vector3 } from 'three';

const oc = new Vector3();
const a = new Vector3();
const b = new Vector3();

/**
 * Where a drag ray meets the sphere (centre, radius), writing the point into `out`. Of the two crossings the one
 * nearer `near` (where the handle is now) wins, so a drag never jumps to the far side; a ray that misses the
 * sphere gives the point of the sphere nearest to it (the silhouette), so the handle follows the pointer round.
 */
export function raySphere(ray: Ray, centre: Vector3, radius: number, near: Vector3, out: Vector3): Vector3 {
  oc.subVectors(ray.origin, centre);
  const bq = oc.dot(ray.direction);
  const c = oc.lengthSq() - radius * radius;
  const disc = bq * bq - c;
  if (disc >= 0) {
    const s = Math.sqrt(disc);
    ray.at(-bq - s, a);
    ray.at(-bq + s, b);
    return out.copy(a.distanceToSquared(near) <= b.distanceToSquared(near) ? a : b);
  }
  ray.at(Math.max(0, -bq), a);
  a.sub(centre);
  if (a.lengthSq() === 0) return out.copy(near);
  return out.copy(centre).addScaledVector(a.normalize(), radius);
}

/** Where the ray meets the plane through `point` with normal `normal`; undefined when parallel or behind. */
export function rayPlane(ray: Ray, point: Vector3, normal: Vector3, out: Vector3): Vector3 | undefined {
  const denom = normal.dot(ray.direction);
  if (Math.abs(denom) < 1e-9) return undefined;
  const t = oc.subVectors(point, ray.origin).dot(normal) / denom;
  if (t < 0) return undefined;
  return ray.at(t, out);
}

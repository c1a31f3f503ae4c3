import { useThree } from '@react-three/fiber';
import { useMemo } from 'react';
import { Plane, Vector3 } from 'three';
import { rayPlane } from './dragGeometry.ts';
import { useDragHandle } from './useDragHandle.ts';

type Vec3 = [number, number, number];

/**
 * Drags a point in the plane that faces the camera through where the point was when the drag began (the
 * screen plane at its depth): the point stays under the pointer, at the same distance from the viewer.
 */
export function useDragInViewPlane(read: () => Vec3, write: (p: Vec3) => void) {
  const get = useThree((s) => s.get);
  const scratch = useMemo(
    () => ({
      start: new Vector3(),
      offset: new Vector3(),
      normal: new Vector3(),
      hit: new Vector3(),
      plane: new Plane(),
    }),
    [],
  );
  return useDragHandle({
    begin(ray) {
      const { start, offset, normal, hit } = scratch;
      start.fromArray(read());
      get().camera.getWorldDirection(normal);
      offset.set(0, 0, 0);
      if (rayPlane(ray, start, normal, hit)) offset.subVectors(start, hit);
    },
    move(ray) {
      const { start, offset, normal, hit } = scratch;
      if (!rayPlane(ray, start, normal, hit)) return;
      hit.add(offset);
      write([hit.x, hit.y, hit.z]);
    },
    settle() {
      const before: Vec3 = [scratch.start.x, scratch.start.y, scratch.start.z];
      const after = read();
      if (after.every((v, i) => v === before[i])) return undefined;
      return { restore: () => write(before), apply: () => write(after) };
    },
  });
}

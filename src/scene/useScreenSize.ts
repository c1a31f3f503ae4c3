import { useFrame } from '@react-three/fiber';
import type { RefObject } from 'react';
import { type Object3D, type PerspectiveCamera, Vector3 } from 'three';

const where = new Vector3();

/** World length of one CSS pixel at `point`'s depth for a perspective camera [m/px]. */
export function worldPerPixel(camera: PerspectiveCamera, height: number, point: Vector3): number {
  const depth = point.distanceTo(camera.position);
  return (2 * depth * Math.tan((camera.fov * Math.PI) / 360)) / Math.max(1, height);
}

/**
 * Keeps a handle the same size on screen whatever the zoom: each drawn frame scales the object so one unit of
 * its geometry spans `px` CSS pixels; `billboard` also turns it to face the camera. Only mutates the ref.
 */
export function useScreenSize(ref: RefObject<Object3D | null>, px: number, billboard = false): void {
  useFrame(({ camera, size }) => {
    const object = ref.current;
    const perspective = camera as PerspectiveCamera;
    if (!object || !perspective.isPerspectiveCamera) return;
    object.getWorldPosition(where);
    object.scale.setScalar(px * worldPerPixel(perspective, size.height, where));
    if (billboard) object.quaternion.copy(camera.quaternion);
  });
}

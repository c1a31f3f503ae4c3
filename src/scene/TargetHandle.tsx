import { useRef } from 'react';
import { DoubleSide, type Mesh } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { consume, HANDLE } from './pointer.ts';
import { useGrabCursor } from './useDragHandle.ts';
import { useDragInViewPlane } from './useDragInViewPlane.ts';
import { useScreenSize } from './useScreenSize.ts';

/** Outer radius of the target ring on screen [CSS px]; the inner third-plus is a hole (see below). */
export const TARGET_RING_PX = 13;
/** Inner radius over outer radius of the ring. */
export const TARGET_RING_INNER = 0.5;

/**
 * The focus marker and its drag handle: a small white dot at the target and, round it, a ring that always faces
 * the camera and keeps its size on screen. Dragging the ring moves the target in the screen plane through it.
 * The ring has a hole so that a press exactly on the target (the centre of the view after a reset) still orbits.
 */
export function TargetHandle() {
  const store = usePlannerStoreApi();
  const target = usePlanner((s) => s.target);
  const ring = useRef<Mesh>(null);
  useScreenSize(ring, TARGET_RING_PX, true);
  const onPointerDown = useDragInViewPlane(
    () => store.getState().target,
    (p) => store.getState().setTarget(p),
  );
  const cursor = useGrabCursor();
  return (
    <group position={target} name="target">
      <mesh name="focus-marker" renderOrder={3}>
        <sphereGeometry args={[0.0025, 16, 12]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} transparent opacity={0.9} />
      </mesh>
      <mesh
        ref={ring}
        name="target-handle"
        userData={HANDLE}
        renderOrder={4}
        {...{ onPointerDown, onClick: consume, ...cursor }}
      >
        <ringGeometry args={[TARGET_RING_INNER, 1, 40]} />
        <meshBasicMaterial color="#ffffff" transparent opacity={0.55} depthTest={false} side={DoubleSide} />
      </mesh>
    </group>
  );
}

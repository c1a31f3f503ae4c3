import { useMemo, useRef } from 'react';
import { type Mesh, Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { raySphere } from './dragGeometry.ts';
import { consume, HANDLE } from './pointer.ts';
import { useDragHandle, useGrabCursor } from './useDragHandle.ts';
import { useScreenSize } from './useScreenSize.ts';

type Vec3 = [number, number, number];

/** Radius of the apex knob on screen [CSS px]. */
export const TRANSDUCER_KNOB_PX = 9;

/** The transducer's apex: target + direction · distance, the distance being the radius of curvature. */
export function apexOf(target: readonly number[], direction: readonly number[], distance: number, out: Vector3) {
  out
    .set(direction[0] ?? 0, direction[1] ?? 0, direction[2] ?? 0)
    .normalize()
    .multiplyScalar(distance);
  out.x += target[0] ?? 0;
  out.y += target[1] ?? 0;
  out.z += target[2] ?? 0;
  return out;
}

/**
 * A knob at the cap's apex. Dragging it slides the transducer over the sphere about the target whose radius is
 * the transducer's distance ("move it over the skin, always aimed at the target"): the beam direction follows.
 */
export function TransducerHandle() {
  const store = usePlannerStoreApi();
  const target = usePlanner((s) => s.target);
  const direction = usePlanner((s) => s.beamDirection);
  const distance = usePlanner((s) => s.transducer.radiusOfCurvature);
  const apex = useMemo(() => apexOf(target, direction, distance, new Vector3()), [target, direction, distance]);
  const knob = useRef<Mesh>(null);
  useScreenSize(knob, TRANSDUCER_KNOB_PX);
  const scratch = useMemo(() => ({ centre: new Vector3(), near: new Vector3(), hit: new Vector3() }), []);
  const before = useRef<Vec3>([0, -1, 0]);

  const onPointerDown = useDragHandle({
    begin() {
      const s = store.getState();
      before.current = [...s.beamDirection];
      scratch.centre.fromArray(s.target);
      apexOf(s.target, s.beamDirection, s.transducer.radiusOfCurvature, scratch.near);
    },
    move(ray) {
      const { centre, near, hit } = scratch;
      const radius = store.getState().transducer.radiusOfCurvature;
      raySphere(ray, centre, radius, near, hit);
      near.copy(hit);
      hit.sub(centre);
      store.getState().setBeamDirection([hit.x, hit.y, hit.z]);
    },
    settle() {
      const start = before.current;
      const end = store.getState().beamDirection;
      if (end.every((v, i) => v === start[i])) return undefined;
      const setDirection = store.getState().setBeamDirection;
      return { restore: () => setDirection(start), apply: () => setDirection(end) };
    },
  });
  const cursor = useGrabCursor();

  return (
    <mesh
      ref={knob}
      position={apex}
      name="transducer-handle"
      userData={HANDLE}
      renderOrder={4}
      {...{ onPointerDown, onClick: consume, ...cursor }}
    >
      <sphereGeometry args={[1, 20, 14]} />
      <meshStandardMaterial color="#e2e8f0" emissive="#475569" roughness={0.4} />
    </mesh>
  );
}

import { useRef } from 'react';
import type { Mesh } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import type { NoPassRegion } from '../worker/plan-protocol.ts';
import { consume, HANDLE } from './pointer.ts';
import { useGrabCursor } from './useDragHandle.ts';
import { useDragInViewPlane } from './useDragInViewPlane.ts';
import { useScreenSize } from './useScreenSize.ts';

/** Radius of a region's centre knob on screen [CSS px]. */
export const NO_PASS_KNOB_PX = 7;
const RED = '#ef4444';

function Region({ region }: { region: NoPassRegion }) {
  const store = usePlannerStoreApi();
  const knob = useRef<Mesh>(null);
  useScreenSize(knob, NO_PASS_KNOB_PX);
  const onPointerDown = useDragInViewPlane(
    () => store.getState().noPass.find((r) => r.id === region.id)?.centre ?? region.centre,
    (centre) => store.getState().updateNoPass(region.id, { centre }),
  );
  const cursor = useGrabCursor();
  const sphere = region.kind === 'sphere';
  return (
    <group position={region.centre} name={`nopass-${region.id}`}>
      {/* The body is drawn only: grabbing it would take orbit and target clicks away from a large area. */}
      <mesh name={`nopass-${region.id}-body`} renderOrder={2}>
        {sphere ? (
          <sphereGeometry args={[region.size, 20, 14]} />
        ) : (
          <boxGeometry args={[2 * region.size, 2 * region.size, 2 * region.size]} />
        )}
        <meshBasicMaterial color={RED} transparent opacity={0.1} depthWrite={false} />
      </mesh>
      <mesh name={`nopass-${region.id}-wire`} renderOrder={2}>
        {sphere ? (
          <sphereGeometry args={[region.size, 16, 10]} />
        ) : (
          <boxGeometry args={[2 * region.size, 2 * region.size, 2 * region.size]} />
        )}
        <meshBasicMaterial color={RED} wireframe transparent opacity={0.45} depthWrite={false} />
      </mesh>
      <mesh
        ref={knob}
        name={`nopass-handle-${region.id}`}
        userData={HANDLE}
        renderOrder={4}
        {...{ onPointerDown, onClick: consume, ...cursor }}
      >
        <sphereGeometry args={[1, 14, 10]} />
        <meshBasicMaterial color={RED} depthTest={false} transparent opacity={0.9} />
      </mesh>
    </group>
  );
}

/** Every no-pass region: a translucent red sphere or cube with a wireframe, moved by dragging its centre knob. */
export function NoPassRegions() {
  const regions = usePlanner((s) => s.noPass);
  return (
    <group name="nopass">
      {regions.map((region) => (
        <Region key={region.id} region={region} />
      ))}
    </group>
  );
}

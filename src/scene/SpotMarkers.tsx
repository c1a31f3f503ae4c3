import { Html } from '@react-three/drei';
import type { ThreeEvent } from '@react-three/fiber';
import { useRef } from 'react';
import type { Mesh } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import type { PlanSpot } from '../state/planning.ts';
import { consume, HANDLE, isClick } from './pointer.ts';
import { useScreenSize } from './useScreenSize.ts';

/** Marker radius on screen [CSS px]: plain and selected spot. */
const SPOT_PX = 5;
const SELECTED_PX = 8;
// Neither colour falls in the view's pixel classes for tissue, beams or heat (tests count those).
const SPOT_COLOUR = '#94a3b8';
const SELECTED_COLOUR = '#ffffff';

const LABEL_STYLE = {
  pointerEvents: 'none',
  font: '600 11px system-ui, sans-serif',
  color: '#e2e8f0',
  textShadow: '0 0 3px #0f172a, 0 0 3px #0f172a',
  transform: 'translate(8px, -14px)',
  whiteSpace: 'nowrap',
} as const;

function Spot({ spot, number, selected }: { spot: PlanSpot; number: number; selected: boolean }) {
  const store = usePlannerStoreApi();
  const marker = useRef<Mesh>(null);
  useScreenSize(marker, selected ? SELECTED_PX : SPOT_PX);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!isClick(e)) return;
    consume(e);
    store.getState().selectSpot(spot.id);
  };
  return (
    <group position={spot.focus} name={`spot-${spot.id}`}>
      <mesh ref={marker} name={`spot-marker-${spot.id}`} userData={HANDLE} renderOrder={5} {...{ onClick }}>
        <octahedronGeometry args={[1, 0]} />
        <meshBasicMaterial
          color={selected ? SELECTED_COLOUR : SPOT_COLOUR}
          depthTest={false}
          transparent
          opacity={selected ? 1 : 0.85}
        />
      </mesh>
      <Html style={LABEL_STYLE} zIndexRange={[10, 0]}>
        <span data-testid={`spot-label-${spot.id}`} data-selected={selected}>
          {number}
        </span>
      </Html>
    </group>
  );
}

/** The plan's spots as small numbered markers (in plan order); the selected one larger and white. Click selects. */
export function SpotMarkers() {
  const spots = usePlanner((s) => s.spots);
  const selectedId = usePlanner((s) => s.selectedSpotId);
  return (
    <group name="spots">
      {spots.map((spot, i) => (
        <Spot key={spot.id} spot={spot} number={i + 1} selected={spot.id === selectedId} />
      ))}
    </group>
  );
}

import { type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Mesh, Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import type { PlanSpot } from '../state/planning.ts';
import { placeLabels } from './label-layout.ts';
import { consume, HANDLE, isClick } from './pointer.ts';
import { useScreenSize } from './useScreenSize.ts';

/** Marker radius on screen [CSS px]: plain and selected spot. */
const SPOT_PX = 5;
const SELECTED_PX = 8;
// Neither colour falls in the view's pixel classes for tissue, beams or heat (tests count those).
const SPOT_COLOUR = '#94a3b8';
const SELECTED_COLOUR = '#ffffff';
/** Width of a label's digits [CSS px] (600 11px system-ui). */
const DIGIT_PX = 7;

const LABEL_STYLE = {
  position: 'absolute',
  left: '0',
  top: '0',
  pointerEvents: 'none',
  font: '600 11px system-ui, sans-serif',
  color: '#e2e8f0',
  textShadow: '0 0 3px #0f172a, 0 0 3px #0f172a',
  whiteSpace: 'nowrap',
  lineHeight: '14px',
  willChange: 'transform',
} as const;

function Spot({ spot, selected }: { spot: PlanSpot; selected: boolean }) {
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
    </group>
  );
}

/**
 * The spots' numbers, in one layer over the canvas: each drawn frame projects the spots and shows only labels that
 * overlap no other (the selected spot's first, then in plan order; label-layout.ts), so a 29-spot plan reads as
 * numbers round the cluster instead of one unreadable blot. Written straight into the DOM, no React state per
 * frame. Each label keeps data-testid="spot-label-<id>", data-selected, and data-shown ("true"/"false").
 */
function SpotLabels({ spots, selectedId }: { spots: readonly PlanSpot[]; selectedId: string | undefined }) {
  const canvas = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const layer = useMemo(() => {
    const el = document.createElement('div');
    el.className = 'spot-labels';
    Object.assign(el.style, { position: 'absolute', inset: '0', pointerEvents: 'none', overflow: 'hidden' });
    return el;
  }, []);
  useEffect(() => {
    canvas.parentElement?.appendChild(layer);
    return () => layer.remove();
  }, [canvas, layer]);
  const labels = useMemo(() => {
    layer.replaceChildren();
    return spots.map((spot, i) => {
      const el = document.createElement('span');
      Object.assign(el.style, LABEL_STYLE);
      el.textContent = String(i + 1);
      el.dataset.testid = `spot-label-${spot.id}`;
      el.dataset.selected = String(spot.id === selectedId);
      el.style.visibility = 'hidden';
      layer.appendChild(el);
      return { spot, el, rank: spot.id === selectedId ? -1 : i, width: String(i + 1).length * DIGIT_PX };
    });
  }, [spots, selectedId, layer]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new labels need a frame to be placed.
  useEffect(() => invalidate(), [labels, invalidate]);
  const p = useMemo(() => new Vector3(), []);
  useFrame(({ camera, size }) => {
    const items = labels.map(({ spot, rank, width }) => {
      p.fromArray(spot.focus).project(camera);
      const behind = p.z > 1;
      return {
        id: spot.id,
        x: behind ? Number.NaN : ((p.x + 1) / 2) * size.width,
        y: behind ? Number.NaN : ((1 - p.y) / 2) * size.height,
        rank,
        width,
      };
    });
    const shown = placeLabels(items, size);
    items.forEach((item, n) => {
      const el = labels[n]?.el;
      if (!el) return;
      const at = shown.get(item.id);
      el.dataset.shown = String(at !== undefined);
      el.style.visibility = at ? 'visible' : 'hidden';
      if (at) el.style.transform = `translate(${Math.round(item.x + at.dx)}px, ${Math.round(item.y + at.dy)}px)`;
    });
  });
  return null;
}

/**
 * The plan's spots as small markers (in plan order), the selected one larger and white, with their numbers placed
 * so they never pile up (SpotLabels). Click selects.
 */
export function SpotMarkers() {
  const spots = usePlanner((s) => s.spots);
  const selectedId = usePlanner((s) => s.selectedSpotId);
  return (
    <group name="spots">
      {spots.map((spot) => (
        <Spot key={spot.id} spot={spot} selected={spot.id === selectedId} />
      ))}
      <SpotLabels spots={spots} selectedId={selectedId} />
    </group>
  );
}

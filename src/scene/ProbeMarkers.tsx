import { Html } from '@react-three/drei';
import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Mesh, Raycaster, Vector2 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { newId, type ProbePoint } from '../state/planning.ts';
import { uniqueLabel } from '../state/probe-labels.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { pickProbe, visibleCaseHits } from './casePicking.ts';
import { CLICK_TOLERANCE_PX, consume, HANDLE, wasConsumed } from './pointer.ts';
import { RESULTS_ORDER } from './resultsLayers.ts';
import { useScreenSize } from './useScreenSize.ts';

type Vec3 = [number, number, number];

const PROBE_PX = 5;
// Light violet: outside the view's pixel classes for tissue, beams and heat (tests count those).
export const PROBE_COLOUR = '#c4b5fd';
/** A dropped probe sits this far past the clicked surface along the view ray [m], inside the part clicked. */
export const PROBE_INSET = 0.0005;

const LABEL_STYLE = {
  pointerEvents: 'none',
  font: '600 11px system-ui, sans-serif',
  color: PROBE_COLOUR,
  textShadow: '0 0 3px #0f172a, 0 0 3px #0f172a',
  transform: 'translate(8px, -14px)',
  whiteSpace: 'nowrap',
} as const;

function Probe({ probe }: { probe: ProbePoint }) {
  const store = usePlannerStoreApi();
  const marker = useRef<Mesh>(null);
  useScreenSize(marker, PROBE_PX);
  // Alt+click on a probe removes it.
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!e.nativeEvent.altKey || e.delta > CLICK_TOLERANCE_PX) return;
    consume(e);
    store.getState().removeProbe(probe.id);
  };
  return (
    <group position={probe.point}>
      <mesh
        ref={marker}
        name={`probe-marker-${probe.id}`}
        userData={HANDLE}
        renderOrder={RESULTS_ORDER.probes}
        {...{ onClick }}
      >
        <sphereGeometry args={[1, 12, 8]} />
        <meshBasicMaterial color={PROBE_COLOUR} depthTest={false} transparent opacity={0.95} toneMapped={false} />
      </mesh>
      <Html style={LABEL_STYLE} zIndexRange={[10, 0]}>
        <span data-testid={`probe-label-${probe.id}`}>{probe.label}</span>
      </Html>
    </group>
  );
}

/**
 * The store's probe points as small labelled violet markers, and the probe drop: Alt+click on the anatomy adds a
 * probe (addProbe) on the first part under the pointer that the user sees (pickProbe: through the faint soft tissue
 * to the bone or lesion behind it; shown parts only, no water), PROBE_INSET inside it, labelled with that part's
 * tissue name ("Lesion (tumour)", "Cortical bone 2"…).
 * Alt+click on a probe removes it. CaseModel and FreeBeams ignore Alt+clicks. The keyboard's way to the same
 * probes is the probe panel (ui/ProbePanel.tsx: add at the target, typed position, remove).
 */
export function ProbeMarkers() {
  const store = usePlannerStoreApi();
  const probes = usePlanner((s) => s.probes);
  const get = useThree((s) => s.get);
  const connected = useThree((s) => s.events.connected as HTMLElement | undefined);
  const scratch = useMemo(() => ({ raycaster: new Raycaster(), ndc: new Vector2() }), []);

  useEffect(() => {
    const element = connected ?? get().gl.domElement;
    const down = { x: Number.NaN, y: Number.NaN };
    const onDown = (e: PointerEvent) => {
      down.x = e.clientX;
      down.y = e.clientY;
    };
    const onClick = (e: MouseEvent) => {
      if (!e.altKey || e.button !== 0 || wasConsumed(e)) return;
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_TOLERANCE_PX) return;
      const { gl, camera, scene, invalidate } = get();
      const rect = gl.domElement.getBoundingClientRect();
      if (e.clientX < rect.left || e.clientX > rect.right || e.clientY < rect.top || e.clientY > rect.bottom) return;
      const { raycaster, ndc } = scratch;
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const caseGroup = scene.getObjectByName('case');
      if (!caseGroup) return;
      const s = store.getState();
      const hit = pickProbe(visibleCaseHits(raycaster.intersectObject(caseGroup, true), s.parts));
      if (!hit) return;
      const p = hit.intersection.point.clone().addScaledVector(raycaster.ray.direction, PROBE_INSET);
      const point: Vec3 = [p.x, p.y, p.z];
      // "Cortical bone probe", not "Cortical bone": a walk read a probe's label as the part's own name.
      s.addProbe({ id: newId('probe'), label: uniqueLabel(`${TISSUE_NAMES[hit.view.tissue]} probe`, s.probes), point });
      invalidate();
    };
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('click', onClick);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('click', onClick);
    };
  }, [connected, get, store, scratch]);

  return (
    <group name="probes">
      {probes.map((probe) => (
        <Probe key={probe.id} probe={probe} />
      ))}
    </group>
  );
}

import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Mesh, Raycaster, Vector2, Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { BeamLines } from './BeamLines.tsx';
import { statusName } from './beamStyle.ts';
import { visibleCaseHits } from './casePicking.ts';
import { rayPlane } from './dragGeometry.ts';
import { CLICK_TOLERANCE_PX, consume, HANDLE, isClick, wasConsumed } from './pointer.ts';
import { useScreenSize } from './useScreenSize.ts';

type Vec3 = [number, number, number];

/** Distance of a new free beam's source from the target [m], unless the clicked skin lies farther out. */
export const FREE_BEAM_DISTANCE = 0.1;
/** Margin outside the clicked skin point when that is farther than FREE_BEAM_DISTANCE [m]. */
const OUTSIDE_SKIN = 0.01;
const SOURCE_PX = 6;

/**
 * Where a click in free-beam mode puts a source. The beam goes from the source, through the point clicked, to
 * the target: the point clicked is the first visible surface of the case under the pointer (skin, soft tissue,
 * bone) or, over empty space, the point of the screen plane through the target. The source sits on that line
 * FREE_BEAM_DISTANCE from the target (or just outside the clicked point when that is farther).
 */
export function freeBeamSource(target: Vector3, through: Vector3): Vec3 | undefined {
  const d = through.clone().sub(target);
  const length = d.length();
  if (length < 1e-3) return undefined;
  const distance = Math.max(FREE_BEAM_DISTANCE, length + OUTSIDE_SKIN);
  d.multiplyScalar(distance / length).add(target);
  return [d.x, d.y, d.z];
}

function Source({ position, index }: { position: Vec3; index: number }) {
  const store = usePlannerStoreApi();
  const knob = useRef<Mesh>(null);
  useScreenSize(knob, SOURCE_PX);
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!isClick(e)) return;
    consume(e);
    store.getState().removeFreeBeam(index);
  };
  return (
    <mesh
      ref={knob}
      position={position}
      name={`free-beam-source-${index}`}
      userData={HANDLE}
      renderOrder={4}
      {...{ onClick }}
    >
      <sphereGeometry args={[1, 14, 10]} />
      <meshBasicMaterial color="#e2e8f0" depthTest={false} transparent opacity={0.9} />
    </mesh>
  );
}

/**
 * Free-beam mode: single beams the learner places anywhere, converging on the target. While the mode is on, a
 * click that no handle took adds a source (see freeBeamSource); clicking a source removes it. Beams take their
 * status colours from the live estimate when it traced exactly these sources, else they are drawn clear.
 */
export function FreeBeams() {
  const store = usePlannerStoreApi();
  const on = usePlanner((s) => s.freeBeamMode);
  const sources = usePlanner((s) => s.freeBeams);
  const target = usePlanner((s) => s.target);
  const trace = usePlanner((s) => s.estimate?.beams);
  const get = useThree((s) => s.get);
  const connected = useThree((s) => s.events.connected as HTMLElement | undefined);

  useEffect(() => {
    if (!on) return;
    const element = connected ?? get().gl.domElement;
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const down = { x: Number.NaN, y: Number.NaN };
    const onDown = (e: PointerEvent) => {
      down.x = e.clientX;
      down.y = e.clientY;
    };
    const onClick = (e: MouseEvent) => {
      // Alt+click drops a probe (ProbeMarkers).
      if (wasConsumed(e) || e.button !== 0 || e.altKey) return;
      if (Math.hypot(e.clientX - down.x, e.clientY - down.y) > CLICK_TOLERANCE_PX) return;
      const { gl, camera, scene, invalidate } = get();
      const rect = gl.domElement.getBoundingClientRect();
      if (e.clientX < rect.left || e.clientX > rect.right || e.clientY < rect.top || e.clientY > rect.bottom) return;
      ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      const s = store.getState();
      const targetPoint = new Vector3(...s.target);
      const caseGroup = scene.getObjectByName('case');
      const hits = caseGroup ? visibleCaseHits(raycaster.intersectObject(caseGroup, true), s.parts) : [];
      const through =
        hits[0]?.intersection.point ??
        rayPlane(raycaster.ray, targetPoint, camera.getWorldDirection(new Vector3()), new Vector3());
      const source = through && freeBeamSource(targetPoint, through);
      if (!source) return;
      s.addFreeBeam(source);
      invalidate();
    };
    element.addEventListener('pointerdown', onDown);
    element.addEventListener('click', onClick);
    return () => {
      element.removeEventListener('pointerdown', onDown);
      element.removeEventListener('click', onClick);
    };
  }, [on, connected, get, store]);

  const positions = useMemo(() => new Float32Array(sources.flat()), [sources]);
  const statuses = useMemo(
    () =>
      sources.map((_, i) =>
        trace && trace.statuses.length === sources.length ? statusName(trace.statuses[i] ?? 0) : 'clear',
      ),
    [sources, trace],
  );
  if (!on) return null;
  return (
    <group name="free-beams">
      <BeamLines positions={positions} statuses={statuses} target={target} name="free-beams" />
      {sources.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: sources are addressed by index in the store.
        <Source key={i} position={p} index={i} />
      ))}
    </group>
  );
}

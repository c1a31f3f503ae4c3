import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type Mesh, type Object3D, Quaternion, Raycaster, Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { TISSUE_COLOURS } from '../style/palette.ts';
import { apexOf } from './TransducerHandle.tsx';

const UP = new Vector3(0, 1, 0);
/** Radius of the drawn water/gel column [m]: a marker of the path, not the bath's extent. */
const COLUMN_RADIUS = 0.004;

/**
 * Distance from the apex along the axis to the skin: the first non-water part of the case the axis meets
 * [m], or undefined when it meets none. Hidden parts count: the body is there whether it is drawn or not.
 */
export function skinDistance(
  caseGroup: Object3D,
  tissueOf: (partName: string) => string | undefined,
  apex: Vector3,
  towardTarget: Vector3,
  maxDistance: number,
  raycaster: Raycaster,
): number | undefined {
  raycaster.set(apex, towardTarget);
  raycaster.far = maxDistance;
  for (const hit of raycaster.intersectObject(caseGroup, true)) {
    const tissue = tissueOf(hit.object.name);
    if (tissue !== undefined && tissue !== 'water') return hit.distance;
  }
  return undefined;
}

/**
 * The water/gel standoff: a translucent blue column from the transducer's apex to where its axis meets the skin.
 * Recomputed (one raycast) only when the pose, the transducer or the case changes; the length [m] is kept in
 * the mesh's userData.length, which the scene probe reports as data-standoff-mm.
 */
export function Standoff() {
  const store = usePlannerStoreApi();
  const target = usePlanner((s) => s.target);
  const direction = usePlanner((s) => s.beamDirection);
  const transducer = usePlanner((s) => s.transducer);
  const parts = usePlanner((s) => s.parts);
  const column = useRef<Mesh>(null);
  const dirty = useRef(true);
  const seenChildren = useRef(-1);
  const scratch = useMemo(
    () => ({ raycaster: new Raycaster(), apex: new Vector3(), axis: new Vector3(), q: new Quaternion() }),
    [],
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: the dependencies are the triggers for a recompute.
  useEffect(() => {
    dirty.current = true;
  }, [target, direction, transducer, parts]);

  useFrame(({ scene }) => {
    const mesh = column.current;
    const caseGroup = scene.getObjectByName('case');
    if (!mesh || !caseGroup) return;
    if (!dirty.current && seenChildren.current === caseGroup.children.length) return;
    dirty.current = false;
    seenChildren.current = caseGroup.children.length;
    const s = store.getState();
    const distance = s.transducer.radiusOfCurvature;
    const { raycaster, apex, axis, q } = scratch;
    apexOf(s.target, s.beamDirection, distance, apex);
    axis.fromArray(s.beamDirection).normalize().negate();
    const tissueOf = (name: string) => s.parts.find((p) => p.name === name)?.tissue;
    const length = skinDistance(caseGroup, tissueOf, apex, axis, distance, raycaster);
    mesh.userData.length = length;
    if (length === undefined || length <= 0) {
      mesh.visible = false;
      return;
    }
    mesh.visible = true;
    mesh.position.copy(apex).addScaledVector(axis, length / 2);
    mesh.quaternion.copy(q.setFromUnitVectors(UP, axis));
    mesh.scale.set(COLUMN_RADIUS, length, COLUMN_RADIUS);
  });

  return (
    <mesh ref={column} name="standoff" renderOrder={1} visible={false}>
      <cylinderGeometry args={[1, 1, 1, 20, 1, true]} />
      <meshBasicMaterial color={TISSUE_COLOURS.water} transparent opacity={0.35} depthWrite={false} side={2} />
    </mesh>
  );
}

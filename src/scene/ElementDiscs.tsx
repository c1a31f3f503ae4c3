import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { Color, type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { consume, HANDLE, isClick, setCursor } from './pointer.ts';

type Vec3 = readonly [number, number, number];

const UP = new Vector3(0, 1, 0);
const ON = new Color('#64748b');
const OFF = new Color('#1f2937');
const HOVER = new Color('#cbd5e1');

/**
 * The array's elements as discs facing the focus (one instanced mesh, named 'elements'). Clicking a disc switches
 * its element on or off (toggleElement with the instanceId); switched-off elements are drawn dark.
 */
export function ElementDiscs({
  positions,
  statuses,
  target,
  radius,
}: {
  positions: ArrayLike<number>;
  statuses: readonly string[];
  target: Vec3;
  radius: number;
}) {
  const store = usePlannerStoreApi();
  const canvas = useThree((s) => s.gl.domElement);
  const invalidate = useThree((s) => s.invalidate);
  const mesh = useRef<InstancedMesh>(null);
  const hovered = useRef<number | undefined>(undefined);
  const count = statuses.length;
  const scratch = useMemo(
    () => ({ p: new Vector3(), axis: new Vector3(), q: new Quaternion(), m: new Matrix4(), one: new Vector3(1, 1, 1) }),
    [],
  );

  const paint = (instance: InstancedMesh, index: number) =>
    instance.setColorAt(index, index === hovered.current ? HOVER : statuses[index] === 'off' ? OFF : ON);

  useLayoutEffect(() => {
    const instance = mesh.current;
    if (!instance) return;
    const { p, axis, q, m, one } = scratch;
    for (let e = 0; e < count; e++) {
      p.set(positions[3 * e] ?? 0, positions[3 * e + 1] ?? 0, positions[3 * e + 2] ?? 0);
      axis.set(target[0], target[1], target[2]).sub(p).normalize();
      q.setFromUnitVectors(UP, axis);
      instance.setMatrixAt(e, m.compose(p, q, one));
      paint(instance, e);
    }
    instance.instanceMatrix.needsUpdate = true;
    if (instance.instanceColor) instance.instanceColor.needsUpdate = true;
    // Raycasting culls by the bounding sphere, which must follow the elements when the transducer moves.
    instance.computeBoundingSphere();
    invalidate();
  });

  const setHover = (index: number | undefined) => {
    const instance = mesh.current;
    if (!instance || hovered.current === index) return;
    const previous = hovered.current;
    hovered.current = index;
    if (previous !== undefined && previous < count) paint(instance, previous);
    if (index !== undefined) paint(instance, index);
    if (instance.instanceColor) instance.instanceColor.needsUpdate = true;
    invalidate();
  };

  const handlers = {
    onClick: (e: ThreeEvent<MouseEvent>) => {
      if (!isClick(e) || e.instanceId === undefined) return;
      consume(e);
      store.getState().toggleElement(e.instanceId);
    },
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      setCursor(canvas, 'pointer');
      setHover(e.instanceId);
    },
    onPointerOut: () => {
      setCursor(canvas, '');
      setHover(undefined);
    },
  };

  return (
    <instancedMesh
      key={count}
      ref={mesh}
      args={[undefined, undefined, count]}
      name="elements"
      userData={HANDLE}
      {...handlers}
    >
      <cylinderGeometry args={[radius, radius, 0.002, 16]} />
      <meshStandardMaterial color="#ffffff" roughness={0.5} />
    </instancedMesh>
  );
}

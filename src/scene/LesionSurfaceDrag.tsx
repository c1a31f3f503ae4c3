import type { ThreeEvent } from '@react-three/fiber';
import { type ReactNode, useMemo, useRef } from 'react';
import { type Group, Raycaster } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { pickTarget, visibleCaseHits } from './casePicking.ts';
import { overHandle } from './pointer.ts';
import { useDragHandle } from './useDragHandle.ts';

type Vec3 = [number, number, number];

/**
 * While a lesion is being placed on an imported bone, a press on the bone and a drag move the target (the
 * lesion's centre) along the bone's surface, under the pointer, instead of orbiting the view: each move casts the
 * pointer's ray at the case and puts the target where a click there would (casePicking.ts pickTarget). One drag is
 * one undo step. Elsewhere, and when `active` is false, a press orbits as always.
 */
export function LesionSurfaceDrag({ active, children }: { active: boolean; children: ReactNode }) {
  const store = usePlannerStoreApi();
  const group = useRef<Group>(null);
  const scratch = useMemo(() => ({ raycaster: new Raycaster(), start: [0, 0, 0] as Vec3 }), []);
  const onDrag = useDragHandle({
    begin() {
      scratch.start = [...store.getState().target];
    },
    move(ray) {
      if (!group.current) return;
      scratch.raycaster.ray.copy(ray);
      const s = store.getState();
      const hits = visibleCaseHits(scratch.raycaster.intersectObject(group.current, true), s.parts);
      const target = pickTarget(hits, ray, s.targetSnap);
      if (target) s.setTarget(target);
    },
    settle() {
      const before = scratch.start;
      const after = store.getState().target;
      if (after.every((v, i) => v === before[i])) return undefined;
      return {
        restore: () => store.getState().setTarget(before),
        apply: () => store.getState().setTarget([...after]),
      };
    },
  });
  const onPointerDown = (e: ThreeEvent<PointerEvent>) => {
    if (!active || e.nativeEvent.altKey || overHandle(e.intersections)) return;
    const s = store.getState();
    // Only a press on the bone (what a click could target) drags; a press beside it orbits.
    if (!pickTarget(visibleCaseHits(e.intersections, s.parts), e.ray, s.targetSnap)) return;
    onDrag(e);
  };
  return (
    <group ref={group} name="lesion-surface-drag" onPointerDown={onPointerDown}>
      {children}
    </group>
  );
}

import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DoubleSide } from 'three';
import type { CasePart } from '../geometry/phantom.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { TISSUE_COLOURS } from '../style/palette.ts';
import { pickTarget, visibleCaseHits } from './casePicking.ts';
import { litMaterial } from './lit-material.ts';
import { isClick, overHandle, setCursor } from './pointer.ts';

/**
 * The anatomy: one mesh per part, coloured by tissue, with the visibility and opacity the parts list sets.
 * Clicking (not dragging) a lesion or bone part sets the target there (see casePicking.ts for the snap); in
 * free-beam mode clicks are left to FreeBeams.
 */
export function CaseModel({ parts }: { parts: readonly CasePart[] }) {
  const store = usePlannerStoreApi();
  const views = usePlanner((s) => s.parts);
  const canvas = useThree((s) => s.gl.domElement);
  const meshes = useMemo(
    () =>
      parts.map((part) => {
        const material = litMaterial({ color: TISSUE_COLOURS[part.tissue], side: DoubleSide }, 0.75);
        return { part, material };
      }),
    [parts],
  );
  useEffect(
    () => () => {
      for (const m of meshes) m.material.dispose();
    },
    [meshes],
  );
  // Opacity is set on the materials directly; ask the on-demand render loop for a frame.
  const invalidate = useThree((s) => s.invalidate);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `views` is the trigger, read through the materials.
  useEffect(() => invalidate(), [views, invalidate]);

  const pick = (e: ThreeEvent<PointerEvent | MouseEvent>) => {
    const s = store.getState();
    return pickTarget(visibleCaseHits(e.intersections, s.parts), e.ray, s.targetSnap);
  };

  // R3F calls these once per part hit along the ray (nearest first), the event carrying all the hits.
  const handlers = {
    onClick: (e: ThreeEvent<MouseEvent>) => {
      // Alt+click drops a probe (ProbeMarkers), it never moves the target.
      if (!isClick(e) || e.nativeEvent.altKey || store.getState().freeBeamMode || overHandle(e.intersections)) return;
      const target = pick(e);
      if (!target) return;
      e.stopPropagation();
      store.getState().setTarget(target);
    },
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      if (overHandle(e.intersections)) return;
      if (store.getState().freeBeamMode) setCursor(canvas, 'copy');
      else setCursor(canvas, pick(e) ? 'crosshair' : '');
    },
    onPointerOut: () => setCursor(canvas, ''),
  };

  return (
    <group name="case" {...handlers}>
      {meshes.map(({ part, material }) => {
        const view = views.find((v) => v.name === part.name);
        const opacity = view?.opacity ?? 1;
        material.transparent = opacity < 1;
        material.opacity = opacity;
        // See-through tissue must not hide what lies behind it in the depth buffer.
        material.depthWrite = opacity >= 1;
        return (
          <mesh
            key={part.name}
            name={part.name}
            geometry={part.geometry}
            material={material}
            visible={view?.visible ?? true}
            renderOrder={opacity < 1 ? 1 : 0}
          />
        );
      })}
    </group>
  );
}

import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { type PerspectiveCamera, Vector3 } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { viewStoreOf } from '../state/view.ts';
import { TARGET_RING_INNER, TARGET_RING_PX } from './TargetHandle.tsx';
import { apexOf } from './TransducerHandle.tsx';
import { worldPerPixel } from './useScreenSize.ts';
import { selectShownOutcome } from './useShownFields.ts';

type Point = [number, number];

/**
 * A read-only probe for tests and debugging: a hidden element, data-testid="scene-probe", beside the canvas,
 * whose data attributes give, after every drawn frame, where things are on the page in client (CSS) pixels,
 * ready for page.mouse:
 * - data-target "x,y": the target (centre of the ring; a press there orbits, it is the ring's hole)
 * - data-target-handle "x,y": a point on the target ring (press and drag here to move the target)
 * - data-transducer-handle "x,y": the apex knob (drag it to move the transducer over the sphere about the target)
 * - data-element0 "x,y": element 0's disc (click to switch it off/on)
 * - data-spots / data-nopass: JSON {id: [x, y]} of spot markers / no-pass centre knobs
 * - data-standoff-mm: water/gel standoff along the axis [mm], "" when the axis meets no tissue
 * - data-slices-visible "true"/"false": slice planes drawn (a run is shown and slices.visible)
 * - data-slice-point "x,y,z": where the planes cross, voxel-snapped [mm]; "" without slices
 * - data-slice-handles: JSON {x|y|z: [x, y]} of the planes' drag knobs (drag along the plane's normal)
 * - data-ablation-triangles / data-safety-triangles: triangle counts of the 240 / 30 CEM43 surfaces ("0": none)
 * - data-probes: JSON {id: [x, y]} of the probe markers
 * - data-beyond-beams: how many beams are drawn on past the focus into gas or a critical structure ("0": none)
 * - data-results-drawn "true"/"false": the run the results show has been drawn, and the camera framed on its heat
 *   (it moves in when a run is drawn, which may be frames after the run is done: a point read before then is
 *   stale); "" when no run is shown
 * - data-frame: drawn-frame count (wait for it to change after an action)
 * - data-sharp "true"/"false": the last frame was drawn at full resolution (a moving view, on software WebGL, draws
 *   coarse frames: pixels read from one are a quarter as many)
 */
export function SceneProbe() {
  const store = usePlannerStoreApi();
  const framing = viewStoreOf(store);
  const canvas = useThree((s) => s.gl.domElement);
  const element = useMemo(() => {
    const el = document.createElement('div');
    el.dataset.testid = 'scene-probe';
    el.hidden = true;
    return el;
  }, []);
  useEffect(() => {
    const parent = canvas.parentElement;
    parent?.appendChild(element);
    return () => element.remove();
  }, [canvas, element]);
  const scratch = useMemo(() => ({ p: new Vector3(), right: new Vector3(), frame: 0 }), []);

  useFrame(({ camera, scene, size, viewport, gl }) => {
    const rect = canvas.getBoundingClientRect();
    camera.updateMatrixWorld();
    const { p, right } = scratch;
    const screen = (v: Vector3): Point => {
      v.project(camera);
      return [
        Math.round((rect.left + ((v.x + 1) / 2) * rect.width) * 10) / 10,
        Math.round((rect.top + ((1 - v.y) / 2) * rect.height) * 10) / 10,
      ];
    };
    const s = store.getState();
    const d = element.dataset;
    d.target = screen(p.fromArray(s.target)).join(',');
    const perspective = camera as PerspectiveCamera;
    if (perspective.isPerspectiveCamera) {
      const ringMid = ((1 + TARGET_RING_INNER) / 2) * TARGET_RING_PX;
      const step = ringMid * worldPerPixel(perspective, size.height, p.fromArray(s.target));
      right.setFromMatrixColumn(camera.matrixWorld, 0).normalize();
      d.targetHandle = screen(p.fromArray(s.target).addScaledVector(right, step)).join(',');
    }
    d.transducerHandle = screen(apexOf(s.target, s.beamDirection, s.transducer.radiusOfCurvature, p)).join(',');
    const trace = s.estimate?.beams;
    d.element0 =
      trace && trace.elementPositions.length >= 3 ? screen(p.fromArray(trace.elementPositions)).join(',') : '';
    d.spots = JSON.stringify(Object.fromEntries(s.spots.map((spot) => [spot.id, screen(p.fromArray(spot.focus))])));
    d.nopass = JSON.stringify(Object.fromEntries(s.noPass.map((r) => [r.id, screen(p.fromArray(r.centre))])));
    const standoff = scene.getObjectByName('standoff');
    const length = standoff?.visible ? (standoff.userData.length as number | undefined) : undefined;
    d.standoffMm = length === undefined ? '' : (length * 1000).toFixed(1);
    const slices = scene.getObjectByName('slices');
    const slicesShown = !!slices && slices.visible;
    d.slicesVisible = String(slicesShown);
    const handles: Record<string, Point> = {};
    const crossing: string[] = [];
    for (const axis of ['x', 'y', 'z'] as const) {
      const knob = slicesShown ? scene.getObjectByName(`slice-handle-${axis}`) : undefined;
      if (knob) handles[axis] = screen(knob.getWorldPosition(p));
      const plane = slicesShown ? scene.getObjectByName(`slice-${axis}-plane`) : undefined;
      if (plane) crossing.push((plane.getWorldPosition(p)[axis] * 1000).toFixed(2));
    }
    d.sliceHandles = JSON.stringify(handles);
    d.slicePoint = crossing.length === 3 ? crossing.join(',') : '';
    const surfaces = scene.getObjectByName('dose-surfaces');
    d.ablationTriangles = String(surfaces?.userData.ablationTriangles ?? 0);
    d.safetyTriangles = String(surfaces?.userData.safetyTriangles ?? 0);
    d.probes = JSON.stringify(
      Object.fromEntries(s.probes.map((probe) => [probe.id, screen(p.fromArray(probe.point))])),
    );
    const beyond = scene.getObjectByName('beams-beyond');
    d.beyondBeams = String(beyond ? (beyond.userData.beams ?? 0) : 0);
    const shown = selectShownOutcome(s);
    d.resultsDrawn = shown ? String(framing.getState().drawnRun === shown) : '';
    scratch.frame += 1;
    d.frame = String(scratch.frame);
    // This frame is drawn at the view's own pixel ratio, not a moving view's coarse one (frame-budget.ts
    // useMovingResolution).
    d.sharp = String(gl.getPixelRatio() === viewport.initialDpr);
  });
  return null;
}

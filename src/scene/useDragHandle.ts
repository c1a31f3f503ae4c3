import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef } from 'react';
import { type Ray, Raycaster, Vector2 } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { createMoveThrottle, dragMoveEvents } from './move-throttle.ts';
import { setCursor } from './pointer.ts';

/**
 * What a handle does while it is dragged. `move` runs at most once per animation frame, with the latest ray (the
 * first move of a frame at once: move-throttle.ts).
 */
export interface DragGesture {
  begin(ray: Ray): void;
  move(ray: Ray): void;
  /**
   * Called at the end with undo paused. Put the state back as it was before the drag (`restore`) and return a
   * function that applies the result; it runs after undo tracking resumes, so the drag is one undo step.
   * Return undefined when nothing changed.
   */
  settle(): { restore(): void; apply(): void } | undefined;
}

interface Controls {
  enabled: boolean;
}

/**
 * Turns an object into a drag handle: returns its onPointerDown. While the drag lasts the OrbitControls are
 * disabled (and re-enabled after), pointer moves are followed on `window` so the pointer may leave the handle or
 * the canvas (as `pointerrawupdate` where the browser has it), store updates are throttled to animation frames, and
 * undo records the whole drag as one step.
 */
export function useDragHandle(gesture: DragGesture): (e: ThreeEvent<PointerEvent>) => void {
  const get = useThree((s) => s.get);
  const store = usePlannerStoreApi();
  const gestureRef = useRef(gesture);
  useEffect(() => {
    gestureRef.current = gesture;
  });
  const cancelRef = useRef<(() => void) | undefined>(undefined);
  useEffect(() => () => cancelRef.current?.(), []);

  return useCallback(
    (e: ThreeEvent<PointerEvent>) => {
      if (e.button !== 0 || cancelRef.current) return;
      e.stopPropagation();
      const state = get();
      const canvas = state.gl.domElement;
      const controls = state.controls as Controls | null;
      if (controls) controls.enabled = false;
      setCursor(canvas, 'grabbing');
      const raycaster = new Raycaster();
      const ndc = new Vector2();
      const rayAt = (x: number, y: number): Ray => {
        const rect = canvas.getBoundingClientRect();
        ndc.set(((x - rect.left) / rect.width) * 2 - 1, -((y - rect.top) / rect.height) * 2 + 1);
        raycaster.setFromCamera(ndc, get().camera);
        return raycaster.ray;
      };
      const pointerId = e.pointerId;
      const temporal = store.temporal.getState();
      temporal.pause();
      gestureRef.current.begin(rayAt(e.nativeEvent.clientX, e.nativeEvent.clientY));

      const throttle = createMoveThrottle(
        ({ x, y }) => {
          gestureRef.current.move(rayAt(x, y));
          // A moving view may draw coarser (Viewer's MovingResolution), sharp again once the drag rests.
          get().performance.regress();
          get().invalidate();
        },
        { x: e.nativeEvent.clientX, y: e.nativeEvent.clientY },
      );
      const moveEvents = dragMoveEvents(window);
      const onMove = (ev: Event) => {
        const pointer = ev as PointerEvent;
        if (pointer.pointerId !== pointerId) return;
        throttle.move({ x: pointer.clientX, y: pointer.clientY });
      };
      const finish = (ev?: Event) => {
        if (ev instanceof PointerEvent && ev.pointerId !== pointerId) return;
        // The release point is the drag's last position (a short drag may end before its moves are dispatched).
        if (ev?.type === 'pointerup') {
          const up = ev as PointerEvent;
          throttle.flush({ x: up.clientX, y: up.clientY });
        } else if (ev) throttle.flush();
        else throttle.cancel();
        for (const type of moveEvents) window.removeEventListener(type, onMove);
        window.removeEventListener('pointerup', finish);
        window.removeEventListener('pointercancel', finish);
        window.removeEventListener('blur', finish);
        cancelRef.current = undefined;
        const result = gestureRef.current.settle();
        result?.restore();
        store.temporal.getState().resume();
        result?.apply();
        if (result) store.getState().settleDrag();
        if (controls) controls.enabled = true;
        setCursor(canvas, '');
        get().invalidate();
      };
      for (const type of moveEvents) window.addEventListener(type, onMove);
      window.addEventListener('pointerup', finish);
      window.addEventListener('pointercancel', finish);
      window.addEventListener('blur', finish);
      cancelRef.current = () => finish();
    },
    [get, store],
  );
}

/** Hover feedback for a handle: a grab cursor, and the objects behind it get no hover. */
export function useGrabCursor() {
  const canvas = useThree((s) => s.gl.domElement);
  return {
    onPointerOver: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      setCursor(canvas, 'grab');
    },
    onPointerMove: (e: ThreeEvent<PointerEvent>) => {
      e.stopPropagation();
      if (canvas.style.cursor !== 'grabbing') setCursor(canvas, 'grab');
    },
    onPointerOut: () => {
      if (canvas.style.cursor === 'grab') setCursor(canvas, '');
    },
  };
}

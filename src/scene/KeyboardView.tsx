import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { PerspectiveCamera, Vector3 } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';
import type { Pose } from './framing.ts';
import { viewKeyAction } from './keyboard-view.ts';

type Vec3 = [number, number, number];

/** Said to screen readers when the view takes focus: what it shows and which keys work. */
const VIEW_LABEL =
  '3D view of the case. Arrow keys turn the view, plus and minus zoom, R resets it. ' +
  'Shift with the arrow keys moves the target across the screen, Page Up and Page Down move it away or nearer, ' +
  'one millimetre a press (with Alt, a tenth of a millimetre).';

/**
 * The 3D view by keyboard (issue 13, accessibility): the canvas takes focus with Tab and answers the keys of
 * keyboard-view.ts. A target moved by a key is one undo step, and stays inside the case's box as a typed one does.
 */
export function KeyboardView() {
  const store = usePlannerStoreApi();
  const gl = useThree((s) => s.gl);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as { target: Vector3; update(): void } | null;
  const invalidate = useThree((s) => s.invalidate);

  useEffect(() => {
    const canvas = gl.domElement;
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', VIEW_LABEL);
    canvas.setAttribute('aria-roledescription', '3D view');
    const onKey = (event: KeyboardEvent) => {
      const s = store.getState();
      const looking: Vec3 = controls ? [controls.target.x, controls.target.y, controls.target.z] : [...s.target];
      const pose: Pose = { position: [camera.position.x, camera.position.y, camera.position.z], target: looking };
      const action = viewKeyAction(
        event.key,
        { shift: event.shiftKey, alt: event.altKey, ctrl: event.ctrlKey || event.metaKey },
        pose,
      );
      if (action.kind === 'none') return;
      event.preventDefault();
      if (action.kind === 'reset') s.resetView();
      else if (action.kind === 'pose') {
        camera.position.set(...action.pose.position);
        camera.lookAt(...action.pose.target);
        controls?.target.set(...action.pose.target);
        controls?.update();
        invalidate();
      } else if (s.caseStatus === 'ready') {
        const next = s.target.map((v, i) => v + (action.delta[i] as number)) as Vec3;
        const box = s.caseSummary?.bounds;
        const inside = !box || next.every((v, i) => v >= (box.min[i] as number) && v <= (box.max[i] as number));
        if (inside) s.setTarget(next);
      }
    };
    canvas.addEventListener('keydown', onKey);
    return () => canvas.removeEventListener('keydown', onKey);
  }, [gl, camera, controls, invalidate, store]);
  return null;
}

import { GizmoHelper, GizmoViewport, OrbitControls } from '@react-three/drei';
import { Canvas, useThree } from '@react-three/fiber';
import { type ReactNode, useEffect } from 'react';
import { Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';

/**
 * Frames the case: the camera looks at the target from the transducer's side, far enough to see the limb. It
 * frames when a case is ready and on Reset view only, never while the target or transducer is dragged (the view
 * must hold still under the pointer).
 */
function CameraRig() {
  const store = usePlannerStoreApi();
  const camera = useThree((s) => s.camera);
  const controls = useThree((s) => s.controls) as {
    target?: { set(x: number, y: number, z: number): void };
    update?(): void;
  } | null;
  const invalidate = useThree((s) => s.invalidate);
  const resetCount = usePlanner((s) => s.viewResetCount);
  const caseReady = usePlanner((s) => (s.caseStatus === 'ready' ? s.caseId : ''));
  useEffect(() => {
    void resetCount;
    void caseReady;
    const { target, beamDirection: direction } = store.getState();
    // Look across the beam axis, slightly from the transducer's side and from above, so the converging beams,
    // the array and the anatomy are all in view rather than the array hiding the target.
    const d = new Vector3(...direction).normalize();
    const helper = Math.abs(d.z) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0);
    const side = new Vector3().crossVectors(d, helper).normalize();
    const up = new Vector3().crossVectors(side, d).normalize();
    const distance = 0.6;
    const offset = side.multiplyScalar(0.85).addScaledVector(d, 0.35).addScaledVector(up, 0.3).setLength(distance);
    camera.position.set(target[0] + offset.x, target[1] + offset.y, target[2] + offset.z);
    camera.near = 0.002;
    camera.far = 10;
    camera.lookAt(target[0], target[1], target[2]);
    camera.updateProjectionMatrix();
    controls?.target?.set(target[0], target[1], target[2]);
    controls?.update?.();
    invalidate();
  }, [store, camera, controls, resetCount, caseReady, invalidate]);
  return null;
}

/** The 3D view: orbit (left drag), zoom (wheel), pan (right drag), an axis gizmo, and the scene's children. */
export function Viewer({ children }: { children: ReactNode }) {
  return (
    <Canvas
      data-testid="view3d"
      camera={{ position: [0.4, 0.3, 0.4], fov: 40, near: 0.002, far: 10 }}
      // preserveDrawingBuffer lets tests and "save image" read the pixels back.
      gl={{ preserveDrawingBuffer: true, antialias: true }}
      dpr={[1, 2]}
      // Draw only when something changed (orbit, store update): the CPU stays free for the simulation worker,
      // which matters on software-rendered WebGL and small laptops alike.
      frameloop="demand"
    >
      <color attach="background" args={['#0f172a']} />
      <hemisphereLight args={['#ffffff', '#334155', 1.4]} />
      <directionalLight position={[1, 2, 1.5]} intensity={1.6} />
      <directionalLight position={[-1, -0.5, -1]} intensity={0.5} />
      <OrbitControls makeDefault enableDamping={false} />
      <CameraRig />
      {children}
      <GizmoHelper alignment="bottom-left" margin={[64, 64]}>
        <GizmoViewport axisColors={['#ef4444', '#22c55e', '#3b82f6']} labelColor="#0f172a" />
      </GizmoHelper>
    </Canvas>
  );
}

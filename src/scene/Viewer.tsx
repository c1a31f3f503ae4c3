import { GizmoHelper, GizmoViewport, OrbitControls } from '@react-three/drei';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { type ReactNode, useEffect, useMemo } from 'react';
import { type PerspectiveCamera, Vector3 } from 'three';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { useViewFraming, viewStoreOf } from '../state/view.ts';
import { MOVING_PIXEL_RATIO, useMovingResolution } from './frame-budget.ts';
import { createFrameHold } from './frame-hold.ts';
import { argMax, voxelCentre } from './frames.ts';
import {
  type Box,
  CASE_VIEW_DISTANCE,
  caseViewDistance,
  easeInOut,
  focusPose,
  heatedBox,
  type Pose,
  posePartWay,
} from './framing.ts';
import { KeyboardView } from './KeyboardView.tsx';
import { softwareWebGL } from './renderer-kind.ts';
import { NoWebGLNotice, WebGLGuard } from './WebGLGuard.tsx';

type Vec3 = [number, number, number];

/** How long the camera takes to frame the heat or to go back [ms]: slow enough to follow where it went. */
const FRAMING_MS = 700;

interface Controls {
  target: Vector3;
  update(): void;
  addEventListener(type: 'start', listener: () => void): void;
  removeEventListener(type: 'start', listener: () => void): void;
}

/**
 * The pose that frames the case: the target seen across the beam axis, from the transducer's side and above,
 * `distance` away [m].
 */
function casePose(target: Vec3, direction: Vec3, distance = CASE_VIEW_DISTANCE): Pose {
  const d = new Vector3(...direction).normalize();
  const helper = Math.abs(d.z) < 0.9 ? new Vector3(0, 0, 1) : new Vector3(1, 0, 0);
  const side = new Vector3().crossVectors(d, helper).normalize();
  const up = new Vector3().crossVectors(side, d).normalize();
  const offset = side.multiplyScalar(0.85).addScaledVector(d, 0.35).addScaledVector(up, 0.3).setLength(distance);
  return { target: [...target], position: [target[0] + offset.x, target[1] + offset.y, target[2] + offset.z] };
}

/**
 * Frames the case when it is ready and on Reset view, never while the target or transducer is dragged (the view
 * must hold still under the pointer). When a run's results are drawn it moves in (animated over FRAMING_MS; a cut
 * on software WebGL) to frame the heated region, keeping the direction the user looks from; the overlay's button
 * takes it back to the framing it had before, or in again (the framing lives in state/view.ts). Orbiting stops an
 * animation where it is.
 */
function CameraRig({ caseBox }: { caseBox: Box | undefined }) {
  const store = usePlannerStoreApi();
  const view = viewStoreOf(store);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const controls = useThree((s) => s.controls) as unknown as Controls | null;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const resetCount = usePlanner((s) => s.viewResetCount);
  const caseReady = usePlanner((s) => (s.caseStatus === 'ready' ? s.caseId : ''));
  // The run the results overlay has drawn (not merely received): framing waits for its surfaces.
  const outcome = useViewFraming((s) => s.drawnRun);
  const software = useMemo(() => softwareWebGL(), []);
  // A user who asked the system for less motion gets the new framing at once, as software WebGL does.
  const cut = useMemo(
    () => software || (typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches),
    [software],
  );
  const rig = useMemo(
    () => ({
      animation: undefined as { from: Pose; to: Pose; start: number } | undefined,
      overview: undefined as Pose | undefined,
      focus: undefined as Pose | undefined,
    }),
    [],
  );

  const current = (): Pose => ({
    position: [camera.position.x, camera.position.y, camera.position.z],
    target: controls ? [controls.target.x, controls.target.y, controls.target.z] : [...store.getState().target],
  });
  const place = (pose: Pose) => {
    camera.position.set(...pose.position);
    camera.lookAt(...pose.target);
    controls?.target.set(...pose.target);
    controls?.update();
  };
  // A software rasteriser draws two or three frames a second, each holding the main thread: it cuts straight to the
  // new framing (one frame) rather than stutter through an animation. So does reduced motion.
  const animateTo = (pose: Pose) => {
    if (cut) {
      rig.animation = undefined;
      place(pose);
    } else rig.animation = { from: current(), to: pose, start: performance.now() };
    invalidate();
  };

  // Case ready, its parts drawn, or Reset view: frame the case at once, and forget any framing of results.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only these events frame the case.
  useEffect(() => {
    void resetCount;
    void caseReady;
    const { target, beamDirection } = store.getState();
    rig.animation = undefined;
    rig.overview = undefined;
    camera.near = 0.002;
    camera.far = 10;
    camera.updateProjectionMatrix();
    const usual = casePose(target, beamDirection);
    const toward = new Vector3(...usual.position).sub(new Vector3(...usual.target)).normalize();
    const aspect = size.width / Math.max(1, size.height);
    const distance = caseBox
      ? caseViewDistance(caseBox, target, toward.toArray(), camera.fov, aspect)
      : CASE_VIEW_DISTANCE;
    place(casePose(target, beamDirection, distance));
    view.getState().setFraming('overview');
    invalidate();
  }, [resetCount, caseReady, caseBox]);

  // New results: frame their heated region (the framing before is kept for the way back).
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new outcome is the only trigger.
  useEffect(() => {
    view.getState().setCanFocus(outcome !== undefined);
    if (!outcome) {
      rig.focus = undefined;
      if (view.getState().framing === 'focus') view.getState().setFraming('overview');
      return;
    }
    const peak = voxelCentre(outcome.grid, Math.max(0, argMax(outcome.maxTemperature)));
    const box = heatedBox(outcome.grid, outcome.maxTemperature, peak);
    if (view.getState().framing === 'overview') rig.overview = current();
    rig.focus = focusPose(current(), box, camera.fov, size.width / Math.max(1, size.height));
    view.getState().setFraming('focus');
    animateTo(rig.focus);
  }, [outcome]);

  // The overlay's button: back to the overview, or in to the heat again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the helpers read the latest camera and controls.
  useEffect(
    () =>
      view.subscribe((state, previous) => {
        if (state.framing === previous.framing) return;
        if (state.framing === 'overview' && rig.overview && rig.animation?.to !== rig.overview) {
          animateTo(rig.overview);
        } else if (state.framing === 'focus' && rig.focus && rig.animation?.to !== rig.focus) {
          rig.overview = current();
          animateTo(rig.focus);
        }
      }),
    [view, rig],
  );

  // The user takes over: an orbit or zoom stops the animation where it is.
  useEffect(() => {
    if (!controls) return;
    const stop = () => {
      rig.animation = undefined;
    };
    controls.addEventListener('start', stop);
    return () => controls.removeEventListener('start', stop);
  }, [controls, rig]);

  useFrame(() => {
    const a = rig.animation;
    if (!a) return;
    const t = (performance.now() - a.start) / FRAMING_MS;
    place(posePartWay(a.from, a.to, easeInOut(t)));
    if (t >= 1) rig.animation = undefined;
    else invalidate();
  });
  return null;
}

/**
 * Holds the view's next frame while a live estimate is on its way (frame-hold.ts), so a drag draws the moved handle
 * and its new beams in one frame. Suspending is R3F's own gate: an inactive root neither draws nor takes
 * invalidations, so resuming asks for the frame anew.
 */
function HoldForEstimate() {
  const store = usePlannerStoreApi();
  const get = useThree((s) => s.get);
  const hold = useMemo(() => {
    let suspended = false;
    return createFrameHold({
      suspend: () => {
        suspended = true;
        // R3F replaces `internal` when the canvas mounts: always the current one.
        get().internal.active = false;
      },
      resume: () => {
        if (!suspended) return;
        suspended = false;
        const state = get();
        state.internal.active = true;
        state.invalidate();
      },
    });
  }, [get]);
  useEffect(() => {
    const view = viewStoreOf(store);
    const unsubscribe = view.subscribe((state, previous) => {
      if (state.awaitingEstimate !== previous.awaitingEstimate) hold.awaiting(state.awaitingEstimate);
    });
    return () => {
      unsubscribe();
      hold.dispose();
    };
  }, [store, hold]);
  useFrame(() => hold.drawn());
  return null;
}

/** How long after the last move the view is drawn sharp again [ms]: a pause within a drag does not flicker. */
const MOVING_SETTLE_MS = 500;

function MovingResolution({ software }: { software: boolean }) {
  useMovingResolution(
    usePlanner((s) => s.playback.playing),
    software,
  );
  return null;
}

/**
 * The 3D view: orbit (left drag), zoom (wheel), pan (right drag), the keyboard (KeyboardView.tsx), an axis gizmo,
 * and the scene's children. `caseBox` (the case's parts [m]) sets how far back the view starts, so a whole imported
 * bone is in view.
 */
export function Viewer({ children, caseBox }: { children: ReactNode; caseBox?: Box | undefined }) {
  return (
    <WebGLGuard fallback={<NoWebGLNotice />}>
      <ViewerCanvas caseBox={caseBox}>{children}</ViewerCanvas>
    </WebGLGuard>
  );
}

function ViewerCanvas({ children, caseBox }: { children: ReactNode; caseBox?: Box | undefined }) {
  const software = useMemo(() => softwareWebGL(), []);
  return (
    <Canvas
      data-testid="view3d"
      data-software-webgl={software}
      camera={{ position: [0.4, 0.3, 0.4], fov: 40, near: 0.002, far: 10 }}
      // preserveDrawingBuffer lets tests and "save image" read the pixels back. No multisampling on a CPU
      // rasteriser (renderer-kind.ts): it would double the cost of every frame.
      gl={{ preserveDrawingBuffer: true, antialias: !software }}
      dpr={software ? 1 : [1, 2]}
      // Draw only when something changed (orbit, store update): the CPU stays free for the simulation worker,
      // which matters on software-rendered WebGL and small laptops alike.
      frameloop="demand"
      // Moving frames at half resolution on a software rasteriser (MovingResolution); a GPU never regresses.
      performance={{ min: software ? MOVING_PIXEL_RATIO : 1, max: 1, debounce: MOVING_SETTLE_MS }}
    >
      <color attach="background" args={['#0f172a']} />
      <hemisphereLight args={['#ffffff', '#334155', 1.4]} />
      <directionalLight position={[1, 2, 1.5]} intensity={1.6} />
      <directionalLight position={[-1, -0.5, -1]} intensity={0.5} />
      <OrbitControls makeDefault enableDamping={false} regress />
      <MovingResolution software={software} />
      <CameraRig caseBox={caseBox} />
      <HoldForEstimate />
      <KeyboardView />
      {children}
      <GizmoHelper alignment="bottom-left" margin={[64, 64]}>
        <GizmoViewport axisColors={['#ef4444', '#22c55e', '#3b82f6']} labelColor="#0f172a" />
      </GizmoHelper>
    </Canvas>
  );
}

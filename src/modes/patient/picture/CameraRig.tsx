import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { type BufferGeometry, type DirectionalLight, type PerspectiveCamera, Vector3 } from 'three';
import { frameView, verticesOf } from './framing.ts';
import { transducerOutline, viewDirection } from './illustration.ts';

type Vec3 = [number, number, number];

/** How fast the camera eases to a new step's view [1/s]: the same pace as the picture's layers fade. */
const EASE_PER_S = 2.5;

export interface CameraRigProps {
  /** the case's parts, in world coordinates [m] */
  geometries: readonly BufferGeometry[];
  target: Vec3;
  /** unit vector from the target toward the device */
  axis: Vec3;
  /** where the cushion of water meets the skin, from the target along the axis [m] */
  padFrom: number;
  /** turn toward the painful spot (the first step) rather than the usual side view */
  faceLesion: boolean;
  /** frame the device too (it is drawn at this step) */
  withTransducer: boolean;
  fovDeg: number;
  reducedMotion: boolean;
}

interface Pose {
  look: Vector3;
  /** unit vector from `look` toward the camera */
  view: Vector3;
  up: Vector3;
  distance: number;
}

/**
 * Frames what the step draws (the thigh, and the device under it when shown) to fit the picture's box at any size:
 * the camera's distance and aim come from the drawn points and the canvas's aspect (framing.ts), refitted when the box
 * changes size. Between steps the camera eases to the new view; with reduced motion it is placed at once.
 */
export function CameraRig({
  geometries,
  target,
  axis,
  padFrom,
  faceLesion,
  withTransducer,
  fovDeg,
  reducedMotion,
}: CameraRigProps) {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const light = useRef<DirectionalLight>(null);
  const anatomy = useMemo(() => verticesOf(geometries), [geometries]);
  const device = useMemo(() => transducerOutline(target, axis, padFrom), [target, axis, padFrom]);

  const goal = useMemo((): Pose => {
    const { view, up } = viewDirection(axis, faceLesion);
    const framing = frameView({
      points: withTransducer ? [...anatomy, ...device] : anatomy,
      view,
      up,
      fovDeg,
      aspect: size.width / Math.max(1, size.height),
    });
    return { look: framing.look, view: view.clone().normalize(), up: framing.up, distance: framing.distance };
  }, [anatomy, device, axis, faceLesion, withTransducer, fovDeg, size]);

  const shown = useRef<Pose | null>(null);
  const scratch = useMemo(() => new Vector3(), []);
  // With an on-demand loop (reduced motion), a new size or step draws one frame with the new view.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `goal` is the trigger.
  useEffect(() => invalidate(), [goal, invalidate]);

  useFrame((_, delta) => {
    let pose = shown.current;
    if (!pose || reducedMotion) {
      pose = { look: goal.look.clone(), view: goal.view.clone(), up: goal.up.clone(), distance: goal.distance };
      shown.current = pose;
    } else {
      const ease = Math.min(1, delta * EASE_PER_S);
      pose.look.lerp(goal.look, ease);
      // Turned through directions (renormalised), not moved along a chord: the picture keeps its size mid-turn.
      pose.view.lerp(goal.view, ease).normalize();
      pose.up.lerp(goal.up, ease).normalize();
      pose.distance += (goal.distance - pose.distance) * ease;
    }
    camera.up.copy(pose.up);
    camera.position.copy(pose.look).addScaledVector(pose.view, pose.distance);
    camera.near = pose.distance / 20;
    camera.far = pose.distance * 4;
    camera.lookAt(pose.look);
    camera.updateProjectionMatrix();
    // The key light comes from over the viewer's shoulder, so what faces the reader is lit.
    const key = light.current;
    if (key) {
      key.position.copy(camera.position).addScaledVector(scratch.set(...axis).normalize(), -0.6 * pose.distance);
      key.target.position.copy(pose.look);
      key.target.updateMatrixWorld();
    }
  });
  return <directionalLight ref={light} intensity={2.2} color="#fff6ea" />;
}

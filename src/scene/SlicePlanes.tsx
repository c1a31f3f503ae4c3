import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type DataTexture, type Mesh, Vector3 } from 'three';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { ABLATION_DOSE, colourise, type ResultScale } from '../style/result-scales.ts';
import { log10Dose } from './derive.ts';
import { consume, HANDLE } from './pointer.ts';
import { AXIS_COLOURS, type ResultMaterials, sliceTexture } from './result-materials.ts';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';
import {
  contourLines,
  extractSlice,
  gridExtent,
  IN_PLANE,
  type SliceAxis,
  sliceIndex,
  sliceSize,
} from './slice-geometry.ts';
import { useDragHandle, useGrabCursor } from './useDragHandle.ts';
import { useScreenSize } from './useScreenSize.ts';
import type { ShownFields } from './useShownFields.ts';

type Vec3 = [number, number, number];

export { AXIS_COLOURS };

const AXIS_NAMES = ['x', 'y', 'z'] as const;
const HANDLE_PX = 6;

/** The quad of a slice plane in the plane's local frame (the normal coordinate is 0), with uv over the voxels. */
function planeGeometry(grid: VoxelGrid, axis: SliceAxis): BufferGeometry {
  const [a, b] = IN_PLANE[axis];
  const [a0, a1] = gridExtent(grid, a);
  const [b0, b1] = gridExtent(grid, b);
  const corners: [number, number][] = [
    [a0, b0],
    [a1, b0],
    [a1, b1],
    [a0, b1],
  ];
  const position = new Float32Array(12);
  corners.forEach(([x, y], n) => {
    position[3 * n + a] = x;
    position[3 * n + b] = y;
  });
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(position, 3));
  g.setAttribute('uv', new BufferAttribute(Float32Array.from([0, 0, 1, 0, 1, 1, 0, 1]), 2));
  g.setIndex([0, 1, 2, 0, 2, 3]);
  return g;
}

/** The edge of a slice plane (a line loop in the plane's local frame). */
function outlineGeometry(grid: VoxelGrid, axis: SliceAxis): BufferGeometry {
  const g = planeGeometry(grid, axis);
  g.setIndex(null);
  g.deleteAttribute('uv');
  return g;
}

/** Closest point parameter s of the line p + s·e (|e| = 1) to a ray, or undefined when they are parallel. */
export function lineParameterNearRay(p: Vector3, e: Vector3, origin: Vector3, direction: Vector3): number | undefined {
  const w0x = p.x - origin.x;
  const w0y = p.y - origin.y;
  const w0z = p.z - origin.z;
  const b = e.dot(direction);
  const c = direction.lengthSq();
  const d = e.x * w0x + e.y * w0y + e.z * w0z;
  const f = direction.x * w0x + direction.y * w0y + direction.z * w0z;
  const denom = c - b * b;
  if (Math.abs(denom) < 1e-6 * c) return undefined;
  return (b * f - c * d) / denom;
}

/**
 * The 240 CEM43 contour of one slice of a dose field as line-segment positions in the plane's local frame [m]:
 * marching squares on log10 CEM43 of that slice only (the 3D surface interpolates the same quantity).
 */
export function sliceContour(dose: ArrayLike<number>, grid: VoxelGrid, axis: SliceAxis, index: number): Float32Array {
  const [w, h] = sliceSize(grid, axis);
  const [a, b] = IN_PLANE[axis];
  const slice = extractSlice(dose, grid, axis, index);
  for (let i = 0; i < slice.length; i++) slice[i] = log10Dose(slice[i] as number);
  const segments = contourLines(slice, w, h, Math.log10(ABLATION_DOSE));
  const position = new Float32Array((segments.length / 2) * 3);
  for (let n = 0; n < segments.length / 2; n++) {
    position[3 * n + a] = grid.origin[a] + (segments[2 * n] as number) * grid.spacing;
    position[3 * n + b] = grid.origin[b] + (segments[2 * n + 1] as number) * grid.spacing;
  }
  return position;
}

interface PlaneProps {
  axis: SliceAxis;
  shown: ShownFields;
  scale: ResultScale;
  materials: ResultMaterials;
  /** where the planes cross [m] */
  point: Vec3;
}

function SlicePlane({ axis, shown, scale, materials, point }: PlaneProps) {
  const store = usePlannerStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const { grid } = shown;
  const index = sliceIndex(grid, axis, point[axis]);
  const coordinate = grid.origin[axis] + index * grid.spacing;
  const name = AXIS_NAMES[axis];
  const material = materials.slices[axis];

  const geometry = useMemo(() => planeGeometry(grid, axis), [grid, axis]);
  const outline = useMemo(() => outlineGeometry(grid, axis), [grid, axis]);
  // One texture per grid size, swapped into the persistent material (its program does not change).
  const texture = useMemo(() => {
    const [w, h] = sliceSize(grid, axis);
    return sliceTexture(w, h);
  }, [grid, axis]);
  useEffect(() => {
    const previous = material.map;
    material.map = texture;
    if (previous && previous !== texture) previous.dispose();
  }, [material, texture]);
  useEffect(
    () => () => {
      geometry.dispose();
      outline.dispose();
    },
    [geometry, outline],
  );

  // The values of the drawn quantity on this layer, coloured into the texture (one slice: O(texels)).
  const values =
    scale.quantity === 'dose' ? shown.dose : scale.quantity === 'pressure' ? shown.pressure : shown.temperature;
  const scratch = useMemo(() => ({ slice: new Float32Array(0) }), []);
  useEffect(() => {
    if (!values) return;
    const [w, h] = sliceSize(grid, axis);
    if (scratch.slice.length !== w * h) scratch.slice = new Float32Array(w * h);
    extractSlice(values, grid, axis, index, scratch.slice);
    colourise(scratch.slice, scale, (texture as DataTexture).image.data as Uint8Array);
    texture.needsUpdate = true;
    invalidate();
  }, [values, scale, grid, axis, index, texture, scratch, invalidate]);

  const contour = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(sliceContour(shown.dose, grid, axis, index), 3));
    return g;
  }, [shown.dose, grid, axis, index]);
  useEffect(() => () => contour.dispose(), [contour]);

  const position: Vec3 = [0, 0, 0];
  position[axis] = coordinate;
  const [a, b] = IN_PLANE[axis];
  const handleAt: Vec3 = [0, 0, 0];
  handleAt[axis] = coordinate;
  handleAt[a] = (gridExtent(grid, a)[1] as number) + 2 * grid.spacing;
  handleAt[b] = gridExtent(grid, b)[1] as number;

  const knob = useRef<Mesh>(null);
  useScreenSize(knob, HANDLE_PX);
  const drag = useMemo(() => ({ p: new Vector3(), e: new Vector3(), grab: 0, start: [0, 0, 0] as Vec3 }), []);
  const onPointerDown = useDragHandle({
    begin(ray) {
      drag.start = [...point];
      drag.p.fromArray(handleAt);
      drag.e.set(0, 0, 0).setComponent(axis, 1);
      drag.grab = lineParameterNearRay(drag.p, drag.e, ray.origin, ray.direction) ?? 0;
    },
    move(ray) {
      const s = lineParameterNearRay(drag.p, drag.e, ray.origin, ray.direction);
      if (s === undefined) return;
      const [lo, hi] = gridExtent(grid, axis);
      const next: Vec3 = [...drag.start];
      next[axis] = Math.min(hi, Math.max(lo, drag.start[axis] + (s - drag.grab)));
      store.getState().setSlices({ point: next });
    },
    // Slices are a view setting, not the plan: nothing to undo, no recomputation.
    settle: () => undefined,
  });
  const cursor = useGrabCursor();

  return (
    <group name={`slice-${name}`}>
      <group position={position}>
        <mesh
          geometry={geometry}
          material={material}
          renderOrder={RESULTS_ORDER.slices}
          raycast={noRaycast}
          name={`slice-${name}-plane`}
        />
        <lineLoop
          geometry={outline}
          material={materials.outlines[axis]}
          renderOrder={RESULTS_ORDER.slices}
          raycast={noRaycast}
        />
        <lineSegments
          geometry={contour}
          material={materials.contour}
          renderOrder={RESULTS_ORDER.contours}
          raycast={noRaycast}
          name={`slice-${name}-contour`}
        />
      </group>
      <mesh
        ref={knob}
        position={handleAt}
        name={`slice-handle-${name}`}
        userData={HANDLE}
        renderOrder={4}
        material={materials.knobs[axis]}
        {...{ onPointerDown, onClick: consume, ...cursor }}
      >
        <sphereGeometry args={[1, 14, 10]} />
      </mesh>
    </group>
  );
}

/**
 * Three orthogonal slice planes through `slices.point` (the shown run's hottest voxel when unset), each a voxel
 * layer of the run's grid coloured by the one colour rule (style/result-scales.ts) and carrying the 240 CEM43
 * contour. A knob (x red, y green, z blue) beyond each plane's corner drags the plane along its normal.
 * Colouring and contouring touch one layer per plane, so they stay on the main thread within a frame.
 */
export function SlicePlanes({
  shown,
  scale,
  materials,
}: {
  shown: ShownFields;
  scale: ResultScale;
  materials: ResultMaterials;
}) {
  const requested = usePlanner((s) => s.slices.point);
  const point = requested ?? shown.peakLocation;
  return (
    <group name="slices">
      {([0, 1, 2] as const).map((axis) => (
        <SlicePlane key={axis} axis={axis} shown={shown} scale={scale} materials={materials} point={point} />
      ))}
    </group>
  );
}

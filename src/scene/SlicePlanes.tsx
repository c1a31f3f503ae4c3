import { useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import {
  BufferAttribute,
  BufferGeometry,
  DataTexture,
  DoubleSide,
  LinearFilter,
  type Mesh,
  RGBAFormat,
  SRGBColorSpace,
  UnsignedByteType,
  Vector3,
} from 'three';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { consume, HANDLE } from './pointer.ts';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';
import { ABLATION_CONTOUR_COLOUR, ABLATION_DOSE, colouriseSlice, type SliceLegend } from './slice-colours.ts';
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

/** Slice handle colours: the axis gizmo's (x red, y green, z blue). */
export const AXIS_COLOURS = ['#ef4444', '#22c55e', '#3b82f6'] as const;
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

interface PlaneProps {
  axis: SliceAxis;
  shown: ShownFields;
  legend: SliceLegend;
  /** log10 of the shown dose, for the ablation contour */
  logDose: Float32Array;
  /** where the planes cross [m] */
  point: Vec3;
}

function SlicePlane({ axis, shown, legend, logDose, point }: PlaneProps) {
  const store = usePlannerStoreApi();
  const invalidate = useThree((s) => s.invalidate);
  const { grid } = shown;
  const index = sliceIndex(grid, axis, point[axis]);
  const coordinate = grid.origin[axis] + index * grid.spacing;
  const name = AXIS_NAMES[axis];

  const geometry = useMemo(() => planeGeometry(grid, axis), [grid, axis]);
  const outline = useMemo(() => outlineGeometry(grid, axis), [grid, axis]);
  const texture = useMemo(() => {
    const [w, h] = sliceSize(grid, axis);
    const t = new DataTexture(new Uint8Array(4 * w * h), w, h, RGBAFormat, UnsignedByteType);
    t.colorSpace = SRGBColorSpace;
    t.magFilter = LinearFilter;
    t.minFilter = LinearFilter;
    t.generateMipmaps = false;
    return t;
  }, [grid, axis]);
  useEffect(
    () => () => {
      geometry.dispose();
      outline.dispose();
      texture.dispose();
    },
    [geometry, outline, texture],
  );

  // The values of the chosen quantity on this layer, coloured into the texture: only when the field, the legend
  // or the layer changes (the hook's memos keep their identities otherwise).
  const values =
    legend.quantity === 'dose' ? shown.dose : legend.quantity === 'pressure' ? shown.pressure : shown.temperature;
  const scratch = useMemo(() => ({ slice: new Float32Array(0) }), []);
  useEffect(() => {
    if (!values) return;
    const [w, h] = sliceSize(grid, axis);
    if (scratch.slice.length !== w * h) scratch.slice = new Float32Array(w * h);
    extractSlice(values, grid, axis, index, scratch.slice);
    colouriseSlice(scratch.slice, legend, texture.image.data as Uint8Array);
    texture.needsUpdate = true;
    invalidate();
  }, [values, legend, grid, axis, index, texture, scratch, invalidate]);

  const contour = useMemo(() => {
    const [w, h] = sliceSize(grid, axis);
    const [a, b] = IN_PLANE[axis];
    const segments = contourLines(extractSlice(logDose, grid, axis, index), w, h, Math.log10(ABLATION_DOSE));
    const position = new Float32Array((segments.length / 2) * 3);
    for (let n = 0; n < segments.length / 2; n++) {
      position[3 * n + a] = grid.origin[a] + (segments[2 * n] as number) * grid.spacing;
      position[3 * n + b] = grid.origin[b] + (segments[2 * n + 1] as number) * grid.spacing;
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(position, 3));
    return g;
  }, [logDose, grid, axis, index]);
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
        <mesh geometry={geometry} renderOrder={RESULTS_ORDER.slices} raycast={noRaycast} name={`slice-${name}-plane`}>
          <meshBasicMaterial
            map={texture}
            transparent
            alphaTest={0.02}
            side={DoubleSide}
            toneMapped={false}
            depthWrite={false}
          />
        </mesh>
        <lineLoop geometry={outline} renderOrder={RESULTS_ORDER.slices} raycast={noRaycast}>
          <lineBasicMaterial color={AXIS_COLOURS[axis]} transparent opacity={0.5} toneMapped={false} />
        </lineLoop>
        <lineSegments
          geometry={contour}
          renderOrder={RESULTS_ORDER.contours}
          raycast={noRaycast}
          name={`slice-${name}-contour`}
        >
          <lineBasicMaterial color={ABLATION_CONTOUR_COLOUR} transparent depthTest={false} toneMapped={false} />
        </lineSegments>
      </group>
      <mesh
        ref={knob}
        position={handleAt}
        name={`slice-handle-${name}`}
        userData={HANDLE}
        renderOrder={4}
        {...{ onPointerDown, onClick: consume, ...cursor }}
      >
        <sphereGeometry args={[1, 14, 10]} />
        <meshBasicMaterial color={AXIS_COLOURS[axis]} depthTest={false} transparent opacity={0.9} />
      </mesh>
    </group>
  );
}

/**
 * Three orthogonal slice planes through `slices.point` (the shown run's hottest voxel when unset), each a voxel
 * layer of the run's grid coloured with the chosen quantity (slice-colours.ts) and carrying the 240 CEM43 contour.
 * A knob (x red, y green, z blue) beyond each plane's corner drags the plane along its normal (setSlices).
 */
export function SlicePlanes({
  shown,
  legend,
  logDose,
}: {
  shown: ShownFields;
  legend: SliceLegend;
  logDose: Float32Array;
}) {
  const requested = usePlanner((s) => s.slices.point);
  const point = requested ?? shown.peakLocation;
  return (
    <group name="slices">
      {([0, 1, 2] as const).map((axis) => (
        <SlicePlane key={axis} axis={axis} shown={shown} legend={legend} logDose={logDose} point={point} />
      ))}
    </group>
  );
}

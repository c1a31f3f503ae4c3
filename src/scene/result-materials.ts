import {
  BufferAttribute,
  BufferGeometry,
  Color,
  DataTexture,
  DoubleSide,
  FrontSide,
  LinearFilter,
  LineBasicMaterial,
  MeshBasicMaterial,
  type MeshLambertMaterial,
  type MeshStandardMaterial,
  RGBAFormat,
  SRGBColorSpace,
  UnsignedByteType,
} from 'three';
import { ABLATION_CONTOUR_STYLE, ABLATION_SURFACE_RGB, SAFETY_SURFACE_COLOUR } from '../style/result-scales.ts';
import { litMaterial } from './lit-material.ts';

/** Slice handle and outline colours: the axis gizmo's (x red, y green, z blue). */
export const AXIS_COLOURS = ['#ef4444', '#22c55e', '#3b82f6'] as const;

/** Ablation surface colour (inferno 0.75, bright orange: the e2e "hot" pixel class). */
export const ABLATION_SURFACE_COLOUR = new Color().setRGB(...ABLATION_SURFACE_RGB);

/** An RGBA8 sRGB texture for a slice, linear filtered, no mipmaps. */
export function sliceTexture(width: number, height: number): DataTexture {
  const t = new DataTexture(new Uint8Array(4 * width * height), width, height, RGBAFormat, UnsignedByteType);
  t.colorSpace = SRGBColorSpace;
  t.magFilter = LinearFilter;
  t.minFilter = LinearFilter;
  t.generateMipmaps = false;
  t.needsUpdate = true;
  return t;
}

/**
 * Every material the results overlay draws with, created once for the life of the 3D view and reused by every run:
 * a run's arrival then only swaps geometry and texture data, and never compiles a shader (which software WebGL does
 * on the main thread's critical path, 0.2–0.8 s per program). Each slice material starts with a 1×1 map so the
 * textured program is the one compiled up front.
 */
export interface ResultMaterials {
  slices: [MeshBasicMaterial, MeshBasicMaterial, MeshBasicMaterial];
  outlines: [LineBasicMaterial, LineBasicMaterial, LineBasicMaterial];
  contour: LineBasicMaterial;
  /** the slices' drag knobs, drawn over everything */
  knobs: [MeshBasicMaterial, MeshBasicMaterial, MeshBasicMaterial];
  ablation: MeshLambertMaterial | MeshStandardMaterial;
  safety: MeshBasicMaterial;
  dispose(): void;
}

export function createResultMaterials(): ResultMaterials {
  const slice = () =>
    new MeshBasicMaterial({
      map: sliceTexture(1, 1),
      transparent: true,
      alphaTest: 0.02,
      side: DoubleSide,
      toneMapped: false,
      depthWrite: false,
    });
  const outline = (colour: string) =>
    new LineBasicMaterial({ color: colour, transparent: true, opacity: 0.5, toneMapped: false });
  const slices: ResultMaterials['slices'] = [slice(), slice(), slice()];
  const outlines: ResultMaterials['outlines'] = [
    outline(AXIS_COLOURS[0]),
    outline(AXIS_COLOURS[1]),
    outline(AXIS_COLOURS[2]),
  ];
  const knob = (colour: string) =>
    new MeshBasicMaterial({ color: colour, depthTest: false, transparent: true, opacity: 0.9 });
  const knobs: ResultMaterials['knobs'] = [knob(AXIS_COLOURS[0]), knob(AXIS_COLOURS[1]), knob(AXIS_COLOURS[2])];
  const contour = new LineBasicMaterial({
    color: ABLATION_CONTOUR_STYLE.colour,
    transparent: true,
    depthTest: false,
    toneMapped: false,
  });
  // Self-lit enough that every face stays bright orange whatever the light (r > 200, r − g > 20).
  const ablation = litMaterial(
    {
      color: ABLATION_SURFACE_COLOUR,
      emissive: ABLATION_SURFACE_COLOUR,
      emissiveIntensity: 0.7,
      transparent: true,
      opacity: 0.95,
      side: FrontSide,
      toneMapped: false,
    },
    0.7,
  );
  const safety = new MeshBasicMaterial({
    color: SAFETY_SURFACE_COLOUR,
    transparent: true,
    opacity: 0.16,
    depthWrite: false,
    side: FrontSide,
    toneMapped: false,
  });
  return {
    slices,
    outlines,
    contour,
    knobs,
    ablation,
    safety,
    dispose() {
      for (const m of slices) {
        m.map?.dispose();
        m.dispose();
      }
      for (const m of [...outlines, ...knobs, contour, ablation, safety]) m.dispose();
    },
  };
}

/**
 * A zero-area stand-in with the attributes a real result geometry has (position, normal, uv, an index), so that
 * drawing it once compiles the very program and pipeline the result will use, without drawing a pixel.
 */
export function warmUpGeometry(): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
  g.setAttribute('normal', new BufferAttribute(Float32Array.from([0, 0, 1, 0, 0, 1, 0, 0, 1]), 3));
  g.setAttribute('uv', new BufferAttribute(new Float32Array(6), 2));
  g.setIndex(new BufferAttribute(Uint32Array.from([0, 1, 2]), 1));
  return g;
}

/** What one phantom is, independent of the file format. */
import type { TissueId } from '../../src/physics/tissue-ids';
import type { MeshData } from './mesh';
import type { Vec3 } from './vec';

/** One solid part. Its node/mesh name is `<tissue>-<label>` (see models/README.md). */
export interface Part {
  tissue: TissueId;
  /** Free lower-case text, words joined by hyphens (e.g. `sciatic`, `osteolytic`, `femur`). */
  label: string;
  mesh: MeshData;
}

/** Metadata stored on the glTF scene as `extras.fusPlanner`. All lengths in metres. */
export interface PhantomInfo {
  id: string;
  title: string;
  description: string;
  /** The default focus, on or in the lesion [m]. */
  defaultTarget: [number, number, number];
  /** Unit vector from the target toward the transducer. */
  defaultBeamDirection: [number, number, number];
  /** Distance from the target to the transducer's centre along defaultBeamDirection [m]. */
  transducerDistance: number;
}

export interface Phantom {
  info: PhantomInfo;
  parts: Part[];
}

const LABEL = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function partName(part: Pick<Part, 'tissue' | 'label'>): string {
  if (!LABEL.test(part.label)) throw new Error(`bad part label "${part.label}"`);
  return `${part.tissue}-${part.label}`;
}

export function unit(v: Vec3): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { BoxGeometry, Matrix4, Object3D, Quaternion, Vector3 } from 'three';
import { type CaseState, loadCase } from '../engine/case.ts';
import { type ImportedPartChoice, importedCase } from '../engine/imported-case.ts';
import { DEFAULT_ENVELOPE } from '../geometry/import/envelope.ts';
import { ImportError } from '../geometry/import/import-error.ts';
import { type ImportedMesh, importMeshFile } from '../geometry/import/mesh-file.ts';
import type { CaseMeta, CasePart } from '../geometry/phantom.ts';
import { TissueModel } from '../geometry/tissue-model.ts';
import type { TissueId } from '../physics/tissue-ids.ts';
import { PHANTOMS, type Scenario, ScenarioError } from './scenario.ts';

type Vec3 = [number, number, number];

/** The case a scenario runs on, the engine's like the worker's, with where to aim. */
export interface ScenarioCase {
  state: CaseState;
  target: Vec3;
  /** Unit vector of propagation, transducer → target. */
  beamDirection: Vec3;
}

const PLUS_Z: Vec3 = [0, 0, 1];

/** −v without negative zeros, so echoed directions read [1, 0, 0] rather than [1, -0, -0]. */
function opposite(v: readonly [number, number, number]): Vec3 {
  return [0 - v[0], 0 - v[1], 0 - v[2]];
}

/**
 * A closed box solid named by tissue, `length` along the beam axis `direction`, `width` across it, starting at
 * `start` on the axis through `through` (signed distance along `direction` [m]).
 */
function slab(
  name: string,
  tissue: TissueId,
  frame: { through: Vec3; direction: Vec3 },
  start: number,
  length: number,
  width: number,
): CasePart {
  const geometry = new BoxGeometry(width, width, length);
  const rotation = new Quaternion().setFromUnitVectors(new Vector3(...PLUS_Z), new Vector3(...frame.direction));
  const centre = new Vector3(...frame.direction).multiplyScalar(start + length / 2).add(new Vector3(...frame.through));
  geometry.applyMatrix4(new Matrix4().compose(centre, rotation, new Vector3(1, 1, 1)));
  return { name, tissue, label: name.slice(tissue.length + 1), geometry };
}

function syntheticCase(id: string, parts: CasePart[], target: Vec3, beamDirection: Vec3): CaseState {
  const meta: CaseMeta = {
    id,
    title: id,
    description: `Built by src/cli from the scenario's ${id} medium.`,
    defaultTarget: target,
    defaultBeamDirection: opposite(beamDirection),
  };
  return { loaded: { meta, parts, scene: new Object3D() }, model: new TissueModel(parts) };
}

/**
 * Builds the case of a scenario. Homogeneous and layered media become closed boxes named by tissue (three's
 * BoxGeometry) in a TissueModel, like a phantom file would: one code path (ray casting, voxelisation, the core)
 * runs every medium. Frame for these two: the transducer apex at the origin, so the default target is the
 * geometric focus R·beamDirection and axial positions measured from the origin are O'Neil's z.
 * @param scenario - a checked scenario
 * @returns the case state, the target [m] and the propagation direction
 */
export async function buildCase(scenario: Scenario): Promise<ScenarioCase> {
  const { input, transducer } = scenario;
  const medium = input.medium;
  if (medium.type === 'phantom') {
    const entry = PHANTOMS.find((p) => p.id === medium.id);
    if (!entry) throw new ScenarioError('medium.id', `unknown phantom ${medium.id}`);
    const buffer = readFileSync(new URL(`../../models/${entry.file}`, import.meta.url));
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    const state = await loadCase(bytes, entry.id);
    const { meta } = state.loaded;
    const beamDirection = scenario.beamDirection ?? opposite(meta.defaultBeamDirection);
    return { state, target: input.target ?? [...meta.defaultTarget], beamDirection };
  }
  if (medium.type === 'mesh') {
    const state = await importedCaseOf(scenario, medium);
    const { meta } = state.loaded;
    const beamDirection = scenario.beamDirection ?? opposite(meta.defaultBeamDirection);
    return { state, target: input.target ?? [...meta.defaultTarget], beamDirection };
  }
  const beamDirection = scenario.beamDirection ?? PLUS_Z;
  const r = transducer.radiusOfCurvature;
  const target: Vec3 = input.target ?? [r * beamDirection[0], r * beamDirection[1], r * beamDirection[2]];
  const frame = { through: target, direction: beamDirection };
  // Wide enough to hold every element, every path and the grid, whatever the beam direction.
  const width = 2 * (r + transducer.aperture + input.grid.size);
  const beyond = r + input.grid.size;
  if (medium.type === 'homogeneous') {
    const part = slab(`${medium.tissue}-medium`, medium.tissue, frame, -width / 2, width / 2 + beyond, width);
    return { state: syntheticCase('homogeneous', [part], target, beamDirection), target, beamDirection };
  }
  // Layers from the transducer side; the target lies `thickness` deep in the last one, which continues past it.
  const total = medium.layers.reduce((sum, layer) => sum + layer.thickness, 0);
  let start = -total;
  const parts = medium.layers.map((layer, i) => {
    const last = i === medium.layers.length - 1;
    const length = last ? layer.thickness + beyond : layer.thickness;
    const part = slab(`${layer.tissue}-layer-${i + 1}`, layer.tissue, frame, start, length, width);
    start += layer.thickness;
    return part;
  });
  return { state: syntheticCase('layers', parts, target, beamDirection), target, beamDirection };
}

type MeshMedium = Extract<Scenario['input']['medium'], { type: 'mesh' }>;

/**
 * The case of a `mesh` medium: its files read beside the plan file, each with its unit (guessed when not given)
 * and tissue (guessed from the name when not given), placed, wrapped in a body envelope when the files bring no
 * soft tissue (or when one is asked for), with the lesion placed where the plan says.
 */
async function importedCaseOf(scenario: Scenario, medium: MeshMedium): Promise<CaseState> {
  const base = scenario.source ? dirname(resolve(scenario.source)) : process.cwd();
  const parts: ImportedPartChoice[] = [];
  for (const [i, part] of medium.parts.entries()) {
    const path = resolve(base, part.file);
    let buffer: Buffer;
    try {
      buffer = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ScenarioError(`medium.parts.${i}.file`, `cannot read ${path}${code ? ` (${code})` : ''}`);
    }
    const bytes = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
    let meshes: ImportedMesh[];
    try {
      meshes = await importMeshFile(basename(path), bytes);
    } catch (error) {
      if (error instanceof ImportError) throw new ScenarioError(`medium.parts.${i}.file`, error.message);
      throw error;
    }
    for (const mesh of meshes) {
      parts.push({
        mesh,
        unit: part.unit ?? mesh.unit.unit,
        tissue: part.tissue ?? mesh.role.tissue,
        ...(part.label === undefined ? {} : { label: part.label }),
      });
    }
  }
  const soft = parts.some((p) => ['skin', 'fat', 'muscle'].includes(p.tissue));
  return importedCase({
    title: medium.parts.map((p) => p.file).join(', '),
    parts,
    up: medium.up,
    recentre: medium.recentre,
    ...(medium.envelope ? { envelope: medium.envelope } : soft ? {} : { envelope: DEFAULT_ENVELOPE }),
    ...(medium.lesion ? { lesion: { centre: [...medium.lesion.centre], radii: [...medium.lesion.radii] } } : {}),
  });
}

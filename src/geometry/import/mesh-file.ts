import { readGltf } from './gltf.ts';
import { ImportError, MAX_FILE_BYTES, MAX_TRIANGLES } from './import-error.ts';
import { checkMesh, type MeshCheck } from './mesh-check.ts';
import { readNiftiLabels } from './nifti.ts';
import { readObj } from './obj.ts';
import { readPly } from './ply.ts';
import { guessRole, type RoleGuess } from './roles.ts';
import { readStl } from './stl.ts';
import { guessUnit, type UnitGuess } from './units.ts';

export type MeshFormat = 'stl' | 'obj' | 'ply' | 'gltf' | 'nifti';

/** One part of an imported file, as read: positions in the file's own units and axes, and what was guessed. */
export interface ImportedMesh {
  file: string;
  /** the part's name: the file's, or the glTF mesh's */
  name: string;
  format: MeshFormat;
  /** 9 per triangle [file units] */
  positions: Float32Array;
  triangles: number;
  /** bounding box [file units] */
  min: [number, number, number];
  max: [number, number, number];
  /** closed 2-manifold or not, and how far from it */
  check: MeshCheck;
  /** the unit guessed from the size (glTF is metres by its specification) */
  unit: UnitGuess;
  role: RoleGuess;
}

/** What the importer opens, for messages and the file picker. */
export const MESH_EXTENSIONS = ['.stl', '.obj', '.ply', '.glb', '.gltf', '.nii', '.nii.gz'] as const;

/**
 * The mesh format a file's first characters announce: a GLB's magic, a PLY or ASCII STL header, OBJ records (not a
 * glTF's JSON, which any JSON file resembles, nor the binary formats found by their sizes).
 * @param head - the file's first few hundred characters
 * @returns the format, or undefined
 */
export function meshFormatOfText(head: string): MeshFormat | undefined {
  if (head.startsWith('glTF')) return 'gltf';
  if (head.startsWith('ply')) return 'ply';
  if (/^\s*solid/i.test(head)) return 'stl';
  if (/^\s*(#.*\n)*\s*(v|o|g|mtllib)\s/m.test(head)) return 'obj';
  return undefined;
}

function formatOf(name: string, bytes: ArrayBuffer): MeshFormat | undefined {
  if (/\.nii(\.gz)?$/i.test(name)) return 'nifti';
  const ext = name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0];
  if (ext === '.stl') return 'stl';
  if (ext === '.obj') return 'obj';
  if (ext === '.ply') return 'ply';
  if (ext === '.glb' || ext === '.gltf') return 'gltf';
  // No known extension: look at the first bytes.
  const head = new TextDecoder('latin1').decode(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 256)));
  // A NIfTI-1 header is 348 bytes long and says so in its first four; gzip starts 1f 8b.
  if (bytes.byteLength >= 348 && [348, 540].includes(new DataView(bytes).getInt32(0, true))) return 'nifti';
  if (/^\s*\{/.test(head)) return 'gltf';
  const byText = meshFormatOfText(head);
  if (byText) return byText;
  if (bytes.byteLength >= 84 && 84 + 50 * new DataView(bytes).getUint32(80, true) === bytes.byteLength) return 'stl';
  return undefined;
}

function boundsOf(positions: Float32Array): { min: [number, number, number]; max: [number, number, number] } {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < positions.length; i += 3) {
    for (let a = 0; a < 3; a++) {
      const v = positions[i + a] as number;
      if (v < (min[a] as number)) min[a] = v;
      if (v > (max[a] as number)) max[a] = v;
    }
  }
  return { min, max };
}

/**
 * Reads a mesh file a user dropped or picked: STL (binary or ASCII), OBJ, PLY or glTF/GLB, one part per file (per
 * mesh for glTF), each with its bounding box, whether it is closed, and a guess of its unit and tissue role.
 * Nothing is thrown but an ImportError that names the file and the reason (and the limit, where one applies).
 * @param name - the file name (its extension chooses the reader; without one, the first bytes do)
 * @param bytes - the file
 * @returns the parts
 * @throws ImportError
 */
export async function importMeshFile(name: string, bytes: ArrayBuffer): Promise<ImportedMesh[]> {
  if (bytes.byteLength === 0) throw new ImportError(name, 'the file is empty');
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new ImportError(
      name,
      `${(bytes.byteLength / 2 ** 20).toFixed(0)} MiB is more than the ${MAX_FILE_BYTES / 2 ** 20} MiB the importer reads`,
    );
  }
  const format = formatOf(name, bytes);
  if (!format) {
    throw new ImportError(name, `not a mesh file this app opens (${MESH_EXTENSIONS.join(', ')})`);
  }
  let parts: { name: string; positions: Float32Array }[];
  let fixedUnit: UnitGuess | undefined;
  try {
    if (format === 'nifti') {
      const labels = readNiftiLabels(name, bytes);
      parts = labels.parts;
      fixedUnit = {
        unit: labels.unit,
        size: 0,
        reason: `the NIfTI header says ${labels.unit === 'm' ? 'metres' : 'millimetres'}`,
      };
    } else if (format === 'stl') parts = [{ name, positions: readStl(name, bytes) }];
    else if (format === 'obj') parts = readObj(name, bytes);
    else if (format === 'ply') parts = [{ name, positions: readPly(name, bytes) }];
    else parts = await readGltf(name, bytes);
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // A reader's own failure on bytes it did not expect: still the file's fault, said as such.
    throw new ImportError(
      name,
      `cannot be read as ${format.toUpperCase()} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return parts.map((part) => {
    const triangles = part.positions.length / 9;
    if (triangles > MAX_TRIANGLES) {
      throw new ImportError(name, `${triangles} triangles is more than the ${MAX_TRIANGLES} one part may have`);
    }
    for (const v of part.positions) {
      if (!Number.isFinite(v)) throw new ImportError(name, 'a vertex that is not a finite number');
    }
    const { min, max } = boundsOf(part.positions);
    const extent = Math.max(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
    if (!(extent > 0)) throw new ImportError(name, 'every vertex is at one point: the mesh has no size');
    const unit = fixedUnit
      ? { ...fixedUnit, size: extent * (fixedUnit.unit === 'm' ? 1 : 0.001) }
      : format === 'gltf'
        ? { unit: 'm' as const, size: extent, reason: 'glTF files are in metres by their specification' }
        : guessUnit(extent);
    const partName = part.name === name ? name : `${part.name} (${name})`;
    return {
      file: name,
      name: partName,
      format,
      positions: part.positions,
      triangles,
      min,
      max,
      check: checkMesh(part.positions),
      unit,
      role: guessRole(part.name === name ? name : `${part.name} ${name}`),
    };
  });
}

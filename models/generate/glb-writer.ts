/** Writes a Phantom as a binary glTF 2.0 (GLB) with @gltf-transform/core. Deterministic: same phantom, same bytes. */
import { Document, NodeIO } from '@gltf-transform/core';
import type { TissueId } from '../../src/physics/tissue-ids';
import { type Phantom, partName } from './phantom';

/**
 * Display colours (linear RGBA) after the product's visual language, only so that a generic glTF viewer shows
 * something sensible; the app colours parts by their tissue itself.
 */
const TISSUE_COLOURS: Record<TissueId, [number, number, number, number]> = {
  water: [0.35, 0.6, 0.95, 0.15],
  skin: [0.86, 0.62, 0.48, 1],
  fat: [0.95, 0.87, 0.5, 1],
  muscle: [0.55, 0.16, 0.15, 1],
  cortical_bone: [0.93, 0.9, 0.78, 1],
  trabecular_bone: [0.78, 0.64, 0.45, 1],
  marrow: [0.8, 0.6, 0.4, 1],
  lesion: [0.85, 0.1, 0.7, 1],
  nerve: [0.95, 0.85, 0.1, 1],
  blood: [0.6, 0.05, 0.08, 1],
  bowel: [0.62, 0.85, 0.6, 1],
  bowel_gas: [0.8, 0.95, 0.8, 1],
  lung: [0.6, 0.8, 1, 1],
};

export function phantomDocument(phantom: Phantom): Document {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'FUS Planner phantom generator (models/generate)';
  const buffer = doc.createBuffer();
  const scene = doc.createScene(phantom.info.id).setExtras({ fusPlanner: { ...phantom.info } });
  doc.getRoot().setDefaultScene(scene);
  const materials = new Map<TissueId, ReturnType<Document['createMaterial']>>();
  const materialFor = (tissue: TissueId) => {
    let m = materials.get(tissue);
    if (!m) {
      const colour = TISSUE_COLOURS[tissue];
      m = doc
        .createMaterial(tissue)
        .setBaseColorFactor(colour)
        .setMetallicFactor(0)
        .setRoughnessFactor(0.7)
        .setDoubleSided(false);
      if (colour[3] < 1) m.setAlphaMode('BLEND');
      materials.set(tissue, m);
    }
    return m;
  };
  for (const part of phantom.parts) {
    const name = partName(part);
    const position = doc
      .createAccessor(`${name}-position`)
      .setType('VEC3')
      .setArray(part.mesh.positions)
      .setBuffer(buffer);
    const normal = doc.createAccessor(`${name}-normal`).setType('VEC3').setArray(part.mesh.normals).setBuffer(buffer);
    const indices = doc
      .createAccessor(`${name}-indices`)
      .setType('SCALAR')
      .setArray(part.mesh.indices)
      .setBuffer(buffer);
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', position)
      .setAttribute('NORMAL', normal)
      .setIndices(indices)
      .setMaterial(materialFor(part.tissue));
    const mesh = doc.createMesh(name).addPrimitive(primitive);
    const node = doc.createNode(name).setMesh(mesh).setExtras({ tissue: part.tissue, label: part.label });
    scene.addChild(node);
  }
  return doc;
}

export async function phantomGlb(phantom: Phantom): Promise<Uint8Array> {
  return new NodeIO().writeBinary(phantomDocument(phantom));
}

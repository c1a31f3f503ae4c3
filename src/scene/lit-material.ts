import { MeshLambertMaterial, type MeshLambertMaterialParameters, MeshStandardMaterial } from 'three';
import { softwareWebGL } from './renderer-kind.ts';

/** A matte lit surface's parameters: those MeshLambertMaterial and MeshStandardMaterial share. */
export type LitParameters = MeshLambertMaterialParameters;

/**
 * A matte lit surface (anatomy, the transducer, the ablation surface): physically based on a GPU, Lambert on a
 * software rasteriser. Every surface here is matte and non-metallic (roughness 0.4–0.75), so the two look alike;
 * the Lambert fragment shader is the cheaper one, which on a CPU is the frame (measured under SwiftShader, a target
 * drag zoomed on the heat: 180 → 110 ms per full-resolution frame).
 * @param parameters - colour, emissive, opacity, side…
 * @param roughness - the physically based material's roughness (a GPU's only)
 */
export function litMaterial(
  parameters: LitParameters,
  roughness: number,
  software = softwareWebGL(),
): MeshLambertMaterial | MeshStandardMaterial {
  return software
    ? new MeshLambertMaterial(parameters)
    : new MeshStandardMaterial({ ...parameters, roughness, metalness: 0 });
}

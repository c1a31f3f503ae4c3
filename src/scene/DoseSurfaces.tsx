import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, FrontSide } from 'three';
import { inferno } from '../style/palette.ts';
import { isosurface } from './isosurface.ts';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';
import { ABLATION_DOSE, SAFETY_DOSE } from './slice-colours.ts';
import type { ShownFields } from './useShownFields.ts';

/** Ablation surface colour: inferno 0.75 ≈ (249, 140, 10), bright orange (the e2e "hot" pixel class). */
export const ABLATION_SURFACE_COLOUR = new Color().setRGB(...inferno(0.75));
/** Safety surface colour: a pale blue, translucent: an outline round the zone, never read as heat. */
export const SAFETY_SURFACE_COLOUR = '#93c5fd';

function toGeometry(field: Float32Array, shown: ShownFields, level: number): BufferGeometry {
  const { positions, indices } = isosurface(field, shown.grid, level);
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(positions, 3));
  g.setIndex(new BufferAttribute(indices, 1));
  if (indices.length > 0) g.computeVertexNormals();
  return g;
}

/**
 * The thermal-dose surfaces of the shown frame: the ablation zone (≥ 240 CEM43 min) nearly opaque in a hot
 * colour, and the safety contour (30 CEM43 min) a translucent pale-blue shell. Both are isosurfaces of log10 CEM43
 * (marching tetrahedra, isosurface.ts), rebuilt only when the shown dose changes. The group's userData carries
 * the triangle counts (ablationTriangles, safetyTriangles) for the scene probe.
 */
export function DoseSurfaces({ shown, logDose }: { shown: ShownFields; logDose: Float32Array }) {
  const invalidate = useThree((s) => s.invalidate);
  const surfaces = useMemo(
    () => ({
      ablation: toGeometry(logDose, shown, Math.log10(ABLATION_DOSE)),
      safety: toGeometry(logDose, shown, Math.log10(SAFETY_DOSE)),
    }),
    [logDose, shown],
  );
  useEffect(() => {
    invalidate();
    return () => {
      surfaces.ablation.dispose();
      surfaces.safety.dispose();
    };
  }, [surfaces, invalidate]);
  const triangles = (g: BufferGeometry) => (g.index ? g.index.count / 3 : 0);
  const userData = { ablationTriangles: triangles(surfaces.ablation), safetyTriangles: triangles(surfaces.safety) };
  return (
    <group name="dose-surfaces" userData={userData}>
      <mesh
        name="ablation-surface"
        geometry={surfaces.ablation}
        renderOrder={RESULTS_ORDER.ablation}
        raycast={noRaycast}
      >
        {/* Self-lit enough that every face stays bright orange whatever the light (r > 200, r − g > 20). */}
        <meshStandardMaterial
          color={ABLATION_SURFACE_COLOUR}
          emissive={ABLATION_SURFACE_COLOUR}
          emissiveIntensity={0.7}
          roughness={0.7}
          metalness={0}
          transparent
          opacity={0.95}
          side={FrontSide}
          toneMapped={false}
        />
      </mesh>
      <mesh name="safety-surface" geometry={surfaces.safety} renderOrder={RESULTS_ORDER.safety} raycast={noRaycast}>
        <meshBasicMaterial
          color={SAFETY_SURFACE_COLOUR}
          transparent
          opacity={0.16}
          depthWrite={false}
          side={FrontSide}
          toneMapped={false}
        />
      </mesh>
    </group>
  );
}

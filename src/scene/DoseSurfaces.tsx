import type { BufferGeometry } from 'three';
import type { ResultMaterials } from './result-materials.ts';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';

export { SAFETY_SURFACE_COLOUR } from '../style/result-scales.ts';
export { ABLATION_SURFACE_COLOUR } from './result-materials.ts';

/**
 * The thermal-dose surfaces of the shown frame: the ablation zone (≥ 240 CEM43 min) nearly opaque in a hot
 * colour, and the safety contour (30 CEM43 min) a translucent pale-blue shell. Both are isosurfaces of log10 CEM43
 * made off the main thread (useDerivedFrame → derive.worker.ts); this only draws them with the persistent
 * materials. The group's userData carries the triangle counts (ablationTriangles, safetyTriangles) for the probe.
 */
export function DoseSurfaces({
  ablation,
  safety,
  materials,
}: {
  ablation: BufferGeometry;
  safety: BufferGeometry;
  materials: ResultMaterials;
}) {
  const triangles = (g: BufferGeometry) => (g.index ? g.index.count / 3 : 0);
  const userData = { ablationTriangles: triangles(ablation), safetyTriangles: triangles(safety) };
  return (
    <group name="dose-surfaces" userData={userData}>
      <mesh
        name="ablation-surface"
        geometry={ablation}
        material={materials.ablation}
        renderOrder={RESULTS_ORDER.ablation}
        raycast={noRaycast}
      />
      <mesh
        name="safety-surface"
        geometry={safety}
        material={materials.safety}
        renderOrder={RESULTS_ORDER.safety}
        raycast={noRaycast}
      />
    </group>
  );
}

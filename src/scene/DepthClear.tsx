import { useMemo } from 'react';
import { BufferAttribute, BufferGeometry, MeshBasicMaterial, type WebGLRenderer } from 'three';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';

/**
 * An invisible object drawn at RESULTS_ORDER.clearDepth whose only job is to clear the depth buffer just before
 * it is drawn: what follows (the results overlay) shows over the anatomy but is depth-tested among itself.
 */
export function DepthClear() {
  const { geometry, material } = useMemo(() => {
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(new Float32Array(9), 3));
    const m = new MeshBasicMaterial({ colorWrite: false, depthWrite: false, depthTest: false, transparent: true });
    return { geometry: g, material: m };
  }, []);
  const onBeforeRender = useMemo(() => (renderer: WebGLRenderer) => renderer.clearDepth(), []);
  return (
    <mesh
      name="results-depth-clear"
      geometry={geometry}
      material={material}
      renderOrder={RESULTS_ORDER.clearDepth}
      frustumCulled={false}
      raycast={noRaycast}
      onBeforeRender={onBeforeRender}
    />
  );
}

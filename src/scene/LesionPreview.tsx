import { useMemo } from 'react';
import { IcosahedronGeometry } from 'three';
import { usePlanner } from '../state/hooks.ts';
import { TISSUE_COLOURS } from '../style/palette.ts';

type Vec3 = readonly [number, number, number];

/**
 * The lesion about to be placed on an imported bone: an ellipsoid outline at the target with the typed semi-axes
 * (the same icosphere geometry/import/lesion.ts makes the part from), drawn over the anatomy. It takes no clicks,
 * so a click goes through it to the bone and moves the target, and the outline with it.
 */
export function LesionPreview({ radii }: { radii: Vec3 | undefined }) {
  const target = usePlanner((s) => s.target);
  const geometry = useMemo(() => new IcosahedronGeometry(1, 3), []);
  if (!radii) return null;
  return (
    <mesh
      name="lesion-preview"
      geometry={geometry}
      position={[...target]}
      scale={[...radii]}
      renderOrder={10}
      raycast={() => null}
    >
      <meshBasicMaterial color={TISSUE_COLOURS.lesion} wireframe transparent opacity={0.8} depthTest={false} />
    </mesh>
  );
}

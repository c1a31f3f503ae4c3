import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DoubleSide, MeshStandardMaterial } from 'three';
import type { CasePart } from '../geometry/phantom.ts';
import { usePlanner } from '../state/hooks.ts';
import { TISSUE_COLOURS } from '../style/palette.ts';

/** The anatomy: one mesh per part, coloured by tissue, with the visibility and opacity the parts list sets. */
export function CaseModel({ parts }: { parts: readonly CasePart[] }) {
  const views = usePlanner((s) => s.parts);
  const meshes = useMemo(
    () =>
      parts.map((part) => {
        const material = new MeshStandardMaterial({
          color: TISSUE_COLOURS[part.tissue],
          roughness: 0.75,
          metalness: 0,
          side: DoubleSide,
        });
        return { part, material };
      }),
    [parts],
  );
  useEffect(
    () => () => {
      for (const m of meshes) m.material.dispose();
    },
    [meshes],
  );
  // Opacity is set on the materials directly; ask the on-demand render loop for a frame.
  const invalidate = useThree((s) => s.invalidate);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `views` is the trigger, read through the materials.
  useEffect(() => invalidate(), [views, invalidate]);

  return (
    <group name="case">
      {meshes.map(({ part, material }) => {
        const view = views.find((v) => v.name === part.name);
        const opacity = view?.opacity ?? 1;
        material.transparent = opacity < 1;
        material.opacity = opacity;
        // See-through tissue must not hide what lies behind it in the depth buffer.
        material.depthWrite = opacity >= 1;
        return (
          <mesh
            key={part.name}
            name={part.name}
            geometry={part.geometry}
            material={material}
            visible={view?.visible ?? true}
            renderOrder={opacity < 1 ? 1 : 0}
          />
        );
      })}
    </group>
  );
}

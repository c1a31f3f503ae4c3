import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { BoxGeometry, Color, InstancedMesh, Matrix4, MeshBasicMaterial } from 'three';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { usePlanner } from '../state/hooks.ts';
import { inferno } from '../style/palette.ts';

/** Temperature above which tissue counts as heated for the 3D view [°C] (hyperthermic range starts at 43 °C). */
export const HEATED_THRESHOLD = 43;
/** Thermal dose of the ablation zone [CEM43 min] (PHYSICS.md §1.6). */
export const ABLATION_DOSE = 240;

interface Layer {
  name: string;
  opacity: number;
  /** part of the inferno map the layer spans, so the ablation zone reads hotter than its halo */
  colourRange: readonly [number, number];
  select: (temperature: number, dose: number) => boolean;
}

// The halo is dim and see-through; the ablation zone bright and nearly opaque. Both are drawn over the anatomy:
// the heat sits inside bone and lesion, which would otherwise hide it.
const LAYERS: readonly Layer[] = [
  {
    name: 'heated-region',
    opacity: 0.22,
    colourRange: [0.3, 0.6],
    select: (t, d) => t >= HEATED_THRESHOLD && d < ABLATION_DOSE,
  },
  { name: 'ablation-zone', opacity: 0.9, colourRange: [0.62, 1], select: (_t, d) => d >= ABLATION_DOSE },
];

function buildLayer(
  layer: Layer,
  grid: VoxelGrid,
  temperature: Float32Array,
  dose: Float32Array,
  peak: number,
): InstancedMesh | undefined {
  const picked: number[] = [];
  for (let i = 0; i < temperature.length; i++) {
    if (layer.select(temperature[i] as number, dose[i] as number)) picked.push(i);
  }
  if (picked.length === 0) return undefined;
  const size = grid.spacing * 0.92;
  const mesh = new InstancedMesh(
    new BoxGeometry(size, size, size),
    new MeshBasicMaterial({ transparent: true, opacity: layer.opacity, depthWrite: false, depthTest: false }),
    picked.length,
  );
  mesh.name = layer.name;
  mesh.renderOrder = 10 + LAYERS.indexOf(layer);
  const matrix = new Matrix4();
  const colour = new Color();
  const span = Math.max(1e-6, peak - HEATED_THRESHOLD);
  const [c0, c1] = layer.colourRange;
  picked.forEach((index, n) => {
    const i = index % grid.nx;
    const j = Math.floor(index / grid.nx) % grid.ny;
    const k = Math.floor(index / (grid.nx * grid.ny));
    matrix.makeTranslation(
      grid.origin[0] + i * grid.spacing,
      grid.origin[1] + j * grid.spacing,
      grid.origin[2] + k * grid.spacing,
    );
    mesh.setMatrixAt(n, matrix);
    const fraction = Math.min(1, Math.max(0, ((temperature[index] as number) - HEATED_THRESHOLD) / span));
    const [r, g, b] = inferno(c0 + (c1 - c0) * fraction);
    mesh.setColorAt(n, colour.setRGB(r, g, b));
  });
  return mesh;
}

/**
 * The heat after a sonication: a faint halo of every voxel that reached HEATED_THRESHOLD and, inside it, the
 * ablation zone (≥ 240 CEM43) in bright inferno colours. Surfaces and slices come with the results views.
 */
export function HeatedRegion() {
  const outcome = usePlanner((s) => s.run.outcome);
  const invalidate = useThree((s) => s.invalidate);
  const meshes = useMemo(() => {
    if (!outcome) return [];
    const { grid, maxTemperature, dose, summary } = outcome;
    return LAYERS.flatMap((layer) => buildLayer(layer, grid, maxTemperature, dose, summary.peakTemperature) ?? []);
  }, [outcome]);
  useEffect(() => {
    invalidate();
    return () => {
      for (const mesh of meshes) {
        mesh.geometry.dispose();
        (mesh.material as MeshBasicMaterial).dispose();
        mesh.dispose();
      }
    };
  }, [meshes, invalidate]);
  return (
    <>
      {meshes.map((mesh) => (
        <primitive key={mesh.name} object={mesh} />
      ))}
    </>
  );
}

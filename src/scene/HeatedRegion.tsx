import { useEffect, useMemo } from 'react';
import { BoxGeometry, Color, InstancedMesh, Matrix4, MeshBasicMaterial } from 'three';
import { usePlanner } from '../state/hooks.ts';
import { inferno } from '../style/palette.ts';

/** Temperature above which tissue counts as heated for the 3D view [°C] (hyperthermic range starts at 43 °C). */
export const HEATED_THRESHOLD = 43;

/**
 * The heated focal region after a sonication: every voxel whose peak temperature reached HEATED_THRESHOLD,
 * coloured by that temperature on the inferno map (43 °C dark → peak bright).
 */
export function HeatedRegion() {
  const outcome = usePlanner((s) => s.run.outcome);
  const mesh = useMemo(() => {
    if (!outcome) return undefined;
    const { grid, maxTemperature, summary } = outcome;
    const hot: number[] = [];
    for (let i = 0; i < maxTemperature.length; i++) if ((maxTemperature[i] as number) >= HEATED_THRESHOLD) hot.push(i);
    if (hot.length === 0) return undefined;
    const size = grid.spacing * 0.92;
    const instanced = new InstancedMesh(
      new BoxGeometry(size, size, size),
      // Drawn over the anatomy: the heat sits inside bone and lesion, which would otherwise hide it.
      new MeshBasicMaterial({ transparent: true, opacity: 0.8, depthWrite: false, depthTest: false }),
      hot.length,
    );
    instanced.name = 'heated-region';
    instanced.renderOrder = 10;
    const matrix = new Matrix4();
    const colour = new Color();
    const span = Math.max(1e-6, summary.peakTemperature - HEATED_THRESHOLD);
    hot.forEach((index, n) => {
      const i = index % grid.nx;
      const j = Math.floor(index / grid.nx) % grid.ny;
      const k = Math.floor(index / (grid.nx * grid.ny));
      matrix.makeTranslation(
        grid.origin[0] + i * grid.spacing,
        grid.origin[1] + j * grid.spacing,
        grid.origin[2] + k * grid.spacing,
      );
      instanced.setMatrixAt(n, matrix);
      const [r, g, b] = inferno(0.25 + (0.75 * ((maxTemperature[index] as number) - HEATED_THRESHOLD)) / span);
      instanced.setColorAt(n, colour.setRGB(r, g, b));
    });
    return instanced;
  }, [outcome]);
  useEffect(
    () => () => {
      mesh?.geometry.dispose();
      (mesh?.material as MeshBasicMaterial | undefined)?.dispose();
      mesh?.dispose();
    },
    [mesh],
  );
  return mesh ? <primitive object={mesh} /> : null;
}

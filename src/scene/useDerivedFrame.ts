import { useEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry } from 'three';
import type { VoxelGrid } from '../geometry/tissue-model.ts';
import { ABLATION_DOSE, SAFETY_DOSE } from '../style/result-scales.ts';
import type { SurfaceMesh } from './derive.ts';
import { deriveDoseSurfaces, LatestOnly } from './derive-client.ts';
import type { ShownFields } from './useShownFields.ts';

const LEVELS = [ABLATION_DOSE, SAFETY_DOSE] as const;

/** A shown frame with its dose surfaces, ready to draw together. */
export interface DerivedFrame {
  shown: ShownFields;
  ablation: BufferGeometry;
  safety: BufferGeometry;
}

function toGeometry(mesh: SurfaceMesh): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(mesh.positions, 3));
  g.setAttribute('normal', new BufferAttribute(mesh.normals, 3));
  g.setIndex(new BufferAttribute(mesh.indices, 1));
  return g;
}

/**
 * The frame to draw for `live` (the shown fields at the playback time): its dose surfaces are made in the derive
 * worker (only the latest frame is queued while one is made), and the frame is handed over with them, so slices
 * and surfaces change in the same drawn frame (on software WebGL every drawn frame costs the main thread a render,
 * so the view draws once per change, not twice). Until the first surfaces arrive, the previous frame stays;
 * undefined when nothing is shown.
 */
export function useDerivedFrame(live: ShownFields | undefined): DerivedFrame | undefined {
  const [frame, setFrame] = useState<DerivedFrame | undefined>(undefined);
  const queue = useMemo(
    () =>
      new LatestOnly<ShownFields, SurfaceMesh[]>(
        (shown) => deriveDoseSurfaces(shown.dose, shown.grid as VoxelGrid, LEVELS),
        ([ablation, safety], shown) => {
          if (!ablation || !safety) return;
          setFrame({ shown, ablation: toGeometry(ablation), safety: toGeometry(safety) });
        },
      ),
    [],
  );
  useEffect(() => () => queue.cancel(), [queue]);
  useEffect(() => {
    if (live) queue.request(live);
    else {
      queue.cancel();
      setFrame(undefined);
    }
  }, [queue, live]);
  // A frame whose dose did not change keeps its surfaces: only the slices follow (e.g. the quantity or the point).
  useEffect(() => {
    if (!live || !frame || live === frame.shown || live.dose !== frame.shown.dose || live.grid !== frame.shown.grid)
      return;
    queue.cancel();
    setFrame({ ...frame, shown: live });
  }, [live, frame, queue]);
  useEffect(
    () => () => {
      frame?.ablation.dispose();
      frame?.safety.dispose();
    },
    [frame?.ablation, frame?.safety],
  );
  return frame;
}

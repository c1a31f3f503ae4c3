/**
 * Validation phantom: a flat cortical-bone plate in a water bath, for checking the field and heating at a simple
 * water/bone interface. Axes: the beam runs along −X toward the transducer; +Y up.
 */
import type { Phantom } from './phantom';
import { box } from './primitives';

export const PLATE = {
  bath: [0.3, 0.2, 0.3] as const,
  /** Plate size (thickness along X, then Y, Z) and the X of its near (transducer-facing) surface. */
  plate: [0.005, 0.06, 0.06] as const,
  nearSurfaceX: 0.08,
} as const;

export function bonePlateValidation(): Phantom {
  const P = PLATE;
  const [t, h, w] = P.plate;
  return {
    info: {
      id: 'bone-plate-validation',
      title: 'Bone plate in water (validation)',
      description:
        'A flat 5 mm plate of cortical bone in a water bath, for checking the simulation against a simple known setup.',
      defaultTarget: [P.nearSurfaceX, 0, 0],
      defaultBeamDirection: [-1, 0, 0],
      transducerDistance: 0.16,
    },
    parts: [
      { tissue: 'water', label: 'bath', mesh: box([0, 0, 0], [P.bath[0], P.bath[1], P.bath[2]]) },
      { tissue: 'cortical_bone', label: 'plate', mesh: box([P.nearSurfaceX + t / 2, 0, 0], [t, h, w]) },
    ],
  };
}

/**
 * Draw order of the results overlay. The overlay clears the depth buffer after the anatomy, the array and the
 * beams (render orders ≤ 2) and before the handles (≥ 3, drawn without depth test), so slices and dose surfaces
 * are seen over the bone they sit in while testing depth among themselves. All overlay materials are transparent
 * (the transparent list is sorted by renderOrder first). Slices write no depth, so the ablation surface, drawn
 * after them, is seen whole (its cut by each plane is the contour drawn on top of everything).
 */
export const RESULTS_ORDER = {
  clearDepth: 2.4,
  slices: 2.5,
  ablation: 2.6,
  safety: 2.7,
  contours: 2.8,
  probes: 3.5,
} as const;

/** Ignore the object in raycasts (display-only overlay geometry). */
export function noRaycast(): void {}

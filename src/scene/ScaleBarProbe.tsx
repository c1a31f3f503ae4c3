import { useFrame } from '@react-three/fiber';
import type { RefObject } from 'react';
import { type PerspectiveCamera, Vector3 } from 'three';
import { usePlannerStoreApi } from '../state/hooks.ts';

const NICE_LENGTHS_MM = [1, 2, 5, 10, 20, 50, 100, 200] as const;
const LONGEST_MM = 200;
const TARGET_PX = 110;
const scratch = new Vector3();

/**
 * Keeps a scale bar true at the depth of the target: each drawn frame, measures how many pixels a millimetre
 * spans there and writes the bar's width and label straight into the DOM (no React state per frame). The target is
 * read from the store in the frame: a prop would re-render its parent (the whole app) at every move of a drag.
 */
export function ScaleBarProbe({ bar }: { bar: RefObject<HTMLDivElement | null> }) {
  const store = usePlannerStoreApi();
  useFrame(({ camera, size }) => {
    const el = bar.current;
    const { target } = store.getState();
    const perspective = camera as PerspectiveCamera;
    if (!el || !perspective.isPerspectiveCamera) return;
    const depth = scratch.set(target[0], target[1], target[2]).sub(camera.position).length();
    const pxPerMm = size.height / 2 / (depth * Math.tan((perspective.fov * Math.PI) / 360)) / 1000;
    const mm: number = NICE_LENGTHS_MM.find((l) => l * pxPerMm >= TARGET_PX * 0.6) ?? LONGEST_MM;
    const line = el.querySelector<HTMLElement>('.scale-line');
    const label = el.querySelector<HTMLElement>('.scale-label');
    if (line) line.style.width = `${Math.round(mm * pxPerMm)}px`;
    if (label) label.textContent = `${mm} mm`;
    el.dataset.mm = String(mm);
  });
  return null;
}

import type { RefObject } from 'react';

/** A scale bar at the target's depth; the 3D view keeps its width true as the camera moves. */
export function ScaleBar({ bar }: { bar: RefObject<HTMLDivElement | null> }) {
  return (
    <div className="scale-bar" ref={bar} data-testid="scale-bar" title="Scale at the depth of the target">
      <div className="scale-line" />
      <span className="scale-label">—</span>
    </div>
  );
}

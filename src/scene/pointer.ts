import type { ThreeEvent } from '@react-three/fiber';

/** A press that moved less than this between down and up is a click; more, and it was an orbit drag [CSS px]. */
export const CLICK_TOLERANCE_PX = 4;

/** True when an R3F click event was a click and not the end of a drag (R3F measures `delta` from pointer down). */
export function isClick(e: ThreeEvent<MouseEvent>): boolean {
  return e.delta <= CLICK_TOLERANCE_PX;
}

/**
 * Native events an R3F handler has already acted on. R3F's stopPropagation only stops other R3F objects; the
 * native listeners of the scene (free-beam placement) check this set so one click does one thing.
 */
const consumed = new WeakSet<Event>();

export function consume(e: ThreeEvent<MouseEvent> | ThreeEvent<PointerEvent>): void {
  e.stopPropagation();
  consumed.add(e.nativeEvent);
}

export function wasConsumed(event: Event): boolean {
  return consumed.has(event);
}

/** Sets the canvas cursor (the canvas is the only element the 3D view owns). */
export function setCursor(canvas: HTMLCanvasElement, cursor: string): void {
  if (canvas.style.cursor !== cursor) canvas.style.cursor = cursor;
}

/** userData flag of the scene's handles (drawn over the anatomy, so they win over the parts in front of them). */
export const HANDLE = { handle: true } as const;

/**
 * True when the pointer is over a handle. Handles are drawn without depth test, so the user sees them over the
 * anatomy even where a part lies in front of them along the ray; the case must then leave the event to them.
 */
export function overHandle(intersections: readonly { object: { userData: Record<string, unknown> } }[]): boolean {
  return intersections.some((i) => i.object.userData.handle === true);
}

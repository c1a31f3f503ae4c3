/** A label anchored at a point on screen [CSS px]; lower `rank` is placed first (wins a conflict). */
export interface LabelItem {
  id: string;
  x: number;
  y: number;
  rank: number;
  /** label width [CSS px] */
  width: number;
}

export const LABEL_HEIGHT = 14;
/** Gap between a marker and its label [CSS px]. */
const GAP = 7;
/** Space kept free round a label [CSS px]. */
const PAD = 2;

/** Where a label may sit round its marker, tried in this order: upper right, upper left, lower right, lower left. */
export function labelOffsets(width: number): [number, number][] {
  return [
    [GAP, -GAP - LABEL_HEIGHT],
    [-GAP - width, -GAP - LABEL_HEIGHT],
    [GAP, GAP],
    [-GAP - width, GAP],
  ];
}

/** A shown label: its top-left corner relative to the anchor [CSS px]. */
export interface PlacedLabel {
  dx: number;
  dy: number;
}

/**
 * Which labels to show, and on which side of their marker, so that none overlaps another nor leaves the view
 * (greedy in rank order: the selected spot first, then plan order; each tries the four corners round its marker).
 * The markers of the others stay, unlabelled. O(n²) on the placed labels, fine for the tens of spots a plan has.
 */
export function placeLabels(
  items: readonly LabelItem[],
  viewport: { width: number; height: number },
): Map<string, PlacedLabel> {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  const shown = new Map<string, PlacedLabel>();
  for (const item of [...items].sort((a, b) => a.rank - b.rank)) {
    if (!Number.isFinite(item.x) || !Number.isFinite(item.y)) continue;
    for (const [dx, dy] of labelOffsets(item.width)) {
      const x0 = item.x + dx - PAD;
      const y0 = item.y + dy - PAD;
      const x1 = x0 + item.width + 2 * PAD;
      const y1 = y0 + LABEL_HEIGHT + 2 * PAD;
      if (x0 < 0 || y0 < 0 || x1 > viewport.width || y1 > viewport.height) continue;
      if (placed.some((b) => x0 < b.x1 && x1 > b.x0 && y0 < b.y1 && y1 > b.y0)) continue;
      placed.push({ x0, y0, x1, y1 });
      shown.set(item.id, { dx, dy });
      break;
    }
  }
  return shown;
}

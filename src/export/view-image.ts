import { colourMap, type ResultScale, scalePosition } from '../style/result-scales.ts';

/**
 * The PNG export of the 3D view as a figure a learner can file or show: the view itself with its scale bar drawn on
 * it, and below it a band with the case, the parameters and results, the colour legend of what the slices show, the
 * surfaces' key and the "not for clinical use" notice (issue 10, item 14). Drawing goes through the few canvas 2D
 * calls in `Canvas2D`, so the layout is tested in Node with a recording stand-in.
 */

/** The subset of CanvasRenderingContext2D the composer uses. */
export interface Canvas2D {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: CanvasImageSource, x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** A swatch and a line of text of the legend's key. */
export interface KeyEntry {
  colour: string;
  text: string;
  /** drawn as a short line (a contour) rather than a block */
  line?: boolean;
}

export interface ViewFigure {
  /** the 3D view's pixels and their size [px] */
  view: CanvasImageSource;
  width: number;
  height: number;
  /** image pixels per CSS pixel of the view (the canvas' device pixel ratio) */
  pixelRatio: number;
  /** the case's title, first line of the band */
  title: string;
  /** parameters and results, one line each */
  lines: string[];
  /** the slices' colour scale, undefined when they are hidden or there is no run */
  scale: ResultScale | undefined;
  /** what else is drawn (surfaces, contour), when there is a run */
  key: KeyEntry[];
  /** the view's scale bar: its length [mm] and width on screen [CSS px] */
  scaleBar: { mm: number; px: number } | undefined;
  notice: string;
}

/** Where the composer put things [image px], for checks. */
export interface FigureLayout {
  width: number;
  height: number;
  band: { top: number; height: number };
  legendBar: { x: number; y: number; width: number; height: number } | undefined;
  scaleBar: { x: number; y: number; width: number } | undefined;
  texts: string[];
}

const BAND_BACKGROUND = '#0b1220';
const TEXT = '#e5e7eb';
const MUTED = '#94a3b8';
const WARN = '#fde68a';

/** Lines of `text` no wider than `width` in the current font, broken at spaces (a long word stays whole). */
function wrap(ctx: Canvas2D, text: string, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const next = current ? `${current} ${word}` : word;
    if (current && ctx.measureText(next).width > width) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/**
 * Lays the figure out and, when `draw`, draws it: the view, its scale bar, and the band under it. The text column
 * wraps to its width; the legend sits beside it on a wide view and under it on a narrow one, so nothing overlaps.
 */
function figure(ctx: Canvas2D, parts: ViewFigure, draw: boolean): FigureLayout {
  const r = parts.pixelRatio > 0 ? parts.pixelRatio : 1;
  const { width, height } = parts;
  const texts: string[] = [];
  const font = (size: number, weight = '') =>
    `${weight}${weight ? ' ' : ''}${Math.round(size * r)}px system-ui, sans-serif`;
  const text = (s: string, x: number, y: number, colour = TEXT, size = 12, weight = '') => {
    texts.push(s);
    if (!draw) return;
    ctx.fillStyle = colour;
    ctx.font = font(size, weight);
    ctx.fillText(s, x, y);
  };
  const rect = (colour: string, x: number, y: number, w: number, h: number) => {
    if (!draw) return;
    ctx.fillStyle = colour;
    ctx.fillRect(x, y, w, h);
  };

  if (draw) ctx.drawImage(parts.view, 0, 0, width, height);

  // The scale bar on the picture, bottom centre as on screen (the axis gizmo holds the bottom left).
  let scaleBar: FigureLayout['scaleBar'];
  if (parts.scaleBar && parts.scaleBar.px > 0) {
    const w = parts.scaleBar.px * r;
    const x = Math.round((width - w) / 2);
    const y = height - Math.round(18 * r);
    rect('#0b1220cc', x - 6 * r, y - 20 * r, w + 12 * r, 30 * r);
    if (draw) {
      ctx.strokeStyle = TEXT;
      ctx.lineWidth = 2 * r;
      ctx.beginPath();
      ctx.moveTo(x, y - 6 * r);
      ctx.lineTo(x, y);
      ctx.lineTo(x + w, y);
      ctx.lineTo(x + w, y - 6 * r);
      ctx.stroke();
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
    }
    text(`${parts.scaleBar.mm} mm`, x + w / 2, y - 7 * r, TEXT, 12);
    scaleBar = { x, y, width: w };
  }

  const pad = Math.round(12 * r);
  const line = Math.round(17 * r);
  const small = Math.round(15 * r);
  const stacked = width < 900 * r;
  const legendWidth = stacked ? Math.min(Math.round(320 * r), width - 2 * pad) : Math.round(300 * r);
  const textWidth = stacked ? width - 2 * pad : width - legendWidth - 3 * pad;
  ctx.font = font(12);
  const wrapped = parts.lines.flatMap((l) => wrap(ctx, l, textWidth));
  ctx.font = font(12);
  const notice = wrap(ctx, parts.notice, textWidth);
  const textHeight = line + Math.round(2 * r) + wrapped.length * line;
  const legendHeight =
    (parts.scale ? line + Math.round(15 * r) + line : parts.key.length > 0 ? line : 0) + parts.key.length * small;
  const bandHeight = stacked
    ? pad + textHeight + (legendHeight > 0 ? legendHeight + Math.round(6 * r) : 0) + notice.length * line + pad
    : pad + Math.max(textHeight + notice.length * line + Math.round(6 * r), legendHeight) + pad;
  const band = { top: height, height: bandHeight };

  rect(BAND_BACKGROUND, 0, band.top, width, band.height);
  if (draw) {
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
  }

  // The case, the parameters and results, the notice.
  let y = band.top + pad;
  text(parts.title, pad, y, TEXT, 14, '600');
  y += line + Math.round(2 * r);
  for (const l of wrapped) {
    text(l, pad, y, MUTED, 12);
    y += line;
  }

  // The colour bar of the slices with its ticks, then the key: beside the text, or under it.
  const legendX = stacked ? pad : width - legendWidth - pad;
  let ky = stacked ? y + Math.round(6 * r) : band.top + pad;
  let legendBar: FigureLayout['legendBar'];
  if (parts.scale) {
    const sc = parts.scale;
    text(`Slices: ${sc.label} [${sc.unit}]${sc.log ? ', log scale' : ''}`, legendX, ky, TEXT, 12);
    ky += line;
    const barHeight = Math.round(12 * r);
    const map = colourMap(sc.map);
    for (let i = 0; i < legendWidth; i++) {
      const [cr, cg, cb] = map(i / Math.max(1, legendWidth - 1));
      rect(
        `rgb(${Math.round(cr * 255)}, ${Math.round(cg * 255)}, ${Math.round(cb * 255)})`,
        legendX + i,
        ky,
        1,
        barHeight,
      );
    }
    legendBar = { x: legendX, y: ky, width: legendWidth, height: barHeight };
    ky += barHeight + Math.round(3 * r);
    if (draw) ctx.textAlign = 'center';
    for (const t of sc.ticks) {
      const label = sc.log && t >= 1000 ? `1e${Math.round(Math.log10(t))}` : String(Number(t.toPrecision(3)));
      const x = legendX + scalePosition(sc, t) * legendWidth;
      // Keep the end labels inside the bar's span.
      if (draw) ctx.textAlign = t === sc.ticks[0] ? 'left' : t === sc.ticks.at(-1) ? 'right' : 'center';
      text(label, x, ky, MUTED, 11);
    }
    if (draw) ctx.textAlign = 'left';
    ky += line;
  } else if (parts.key.length > 0) {
    text('Slices hidden', legendX, ky, MUTED, 12);
    ky += line;
  }
  for (const entry of parts.key) {
    const sw = Math.round(12 * r);
    if (entry.line) rect(entry.colour, legendX, ky + sw / 2 - r, sw, 2 * r);
    else rect(entry.colour, legendX, ky + Math.round(1 * r), sw, sw - Math.round(2 * r));
    text(entry.text, legendX + sw + Math.round(6 * r), ky, MUTED, 11);
    ky += small;
  }

  let ny = stacked ? Math.max(y, ky) + Math.round(6 * r) : y + Math.round(6 * r);
  for (const l of notice) {
    text(l, pad, ny, WARN, 12);
    ny += line;
  }
  return { width, height: height + band.height, band, legendBar, scaleBar, texts };
}

/** The figure's size and layout, without drawing (to size the output canvas first). */
export function measureViewFigure(ctx: Canvas2D, parts: ViewFigure): FigureLayout {
  return figure(ctx, parts, false);
}

/** Draws the figure into `ctx` (sized as measureViewFigure says); returns where things went. */
export function drawViewFigure(ctx: Canvas2D, parts: ViewFigure): FigureLayout {
  return figure(ctx, parts, true);
}

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

/** Height of the band under the view [image px] at a pixel ratio. */
export function bandHeight(pixelRatio: number): number {
  return Math.round(132 * pixelRatio);
}

/** Draws the figure into `ctx`, sized figureSize(parts); returns where things went. */
export function drawViewFigure(ctx: Canvas2D, parts: ViewFigure): FigureLayout {
  const r = parts.pixelRatio > 0 ? parts.pixelRatio : 1;
  const { width, height } = parts;
  const band = { top: height, height: bandHeight(r) };
  const texts: string[] = [];
  const text = (s: string, x: number, y: number, colour = TEXT, size = 12, weight = '') => {
    ctx.fillStyle = colour;
    ctx.font = `${weight}${weight ? ' ' : ''}${Math.round(size * r)}px system-ui, sans-serif`;
    ctx.fillText(s, x, y);
    texts.push(s);
  };

  ctx.drawImage(parts.view, 0, 0, width, height);

  // The scale bar on the picture, bottom left, as long as it is on screen.
  let scaleBar: FigureLayout['scaleBar'];
  if (parts.scaleBar && parts.scaleBar.px > 0) {
    const w = parts.scaleBar.px * r;
    const x = Math.round(16 * r);
    const y = height - Math.round(18 * r);
    ctx.fillStyle = '#0b1220cc';
    ctx.fillRect(x - 6 * r, y - 20 * r, w + 12 * r, 30 * r);
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
    text(`${parts.scaleBar.mm} mm`, x + w / 2, y - 7 * r, TEXT, 12);
    scaleBar = { x, y, width: w };
  }

  ctx.fillStyle = BAND_BACKGROUND;
  ctx.fillRect(0, band.top, width, band.height);
  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';

  // Left column: the case, the parameters and results, the notice.
  const pad = Math.round(12 * r);
  const line = Math.round(17 * r);
  const legendWidth = Math.min(Math.round(300 * r), Math.round(width * 0.42));
  const legendX = width - legendWidth - pad;
  let y = band.top + pad;
  text(parts.title, pad, y, TEXT, 14, '600');
  y += line + Math.round(2 * r);
  for (const l of parts.lines) {
    text(l, pad, y, MUTED, 12);
    y += line;
  }
  text(parts.notice, pad, band.top + band.height - pad - Math.round(14 * r), WARN, 12);

  // Right column: the colour bar of the slices with its ticks, then the key.
  let legendBar: FigureLayout['legendBar'];
  let ky = band.top + pad;
  if (parts.scale) {
    const s = parts.scale;
    text(`Slices: ${s.label} [${s.unit}]${s.log ? ', log scale' : ''}`, legendX, ky, TEXT, 12);
    ky += line;
    const barHeight = Math.round(12 * r);
    const map = colourMap(s.map);
    for (let i = 0; i < legendWidth; i++) {
      const [cr, cg, cb] = map(i / Math.max(1, legendWidth - 1));
      ctx.fillStyle = `rgb(${Math.round(cr * 255)}, ${Math.round(cg * 255)}, ${Math.round(cb * 255)})`;
      ctx.fillRect(legendX + i, ky, 1, barHeight);
    }
    legendBar = { x: legendX, y: ky, width: legendWidth, height: barHeight };
    ky += barHeight + Math.round(3 * r);
    ctx.textAlign = 'center';
    for (const t of s.ticks) {
      const label = s.log && t >= 1000 ? `1e${Math.round(Math.log10(t))}` : String(Number(t.toPrecision(3)));
      text(label, legendX + scalePosition(s, t) * legendWidth, ky, MUTED, 11);
    }
    ctx.textAlign = 'left';
    ky += line;
  } else if (parts.key.length > 0) {
    text('Slices hidden', legendX, ky, MUTED, 12);
    ky += line;
  }
  for (const entry of parts.key) {
    const sw = Math.round(12 * r);
    ctx.fillStyle = entry.colour;
    if (entry.line) ctx.fillRect(legendX, ky + sw / 2 - r, sw, 2 * r);
    else ctx.fillRect(legendX, ky + Math.round(2 * r), sw, sw - Math.round(2 * r));
    text(entry.text, legendX + sw + Math.round(6 * r), ky, MUTED, 11);
    ky += Math.round(15 * r);
  }
  return { width, height: height + band.height, band, legendBar, scaleBar, texts };
}

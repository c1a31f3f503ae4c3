// Pointwise work on an angular-spectrum slice (f32 planes): spectral filter, the screen of each column's tissue,
// the absorbing taper, and the running total of the field on the faces.

/** (re, im) ← (re, im)·(hRe, hIm), count values (a multiple of 4). */
export function multiply(re: usize, im: usize, hRe: usize, hIm: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  for (let p: usize = 0; p < bytes; p += 16) {
    const ar = v128.load(re + p);
    const ai = v128.load(im + p);
    const br = v128.load(hRe + p);
    const bi = v128.load(hIm + p);
    v128.store(re + p, f32x4.sub(f32x4.mul(ar, br), f32x4.mul(ai, bi)));
    v128.store(im + p, f32x4.add(f32x4.mul(ar, bi), f32x4.mul(ai, br)));
  }
}

/**
 * Each column multiplied by its tissue's screen factor (labels → factor tables, f32 re/im per label; a gas label's
 * factor is 0) and by the absorbing taper.
 */
export function screen(
  re: usize,
  im: usize,
  labels: usize,
  factorRe: usize,
  factorIm: usize,
  taper: usize,
  count: i32,
): void {
  for (let c = 0; c < count; c++) {
    const label = <usize>load<u8>(labels + <usize>c);
    const w = load<f32>(taper + ((<usize>c) << 2));
    const fr = load<f32>(factorRe + (label << 2)) * w;
    const fi = load<f32>(factorIm + (label << 2)) * w;
    const p = (<usize>c) << 2;
    const a = load<f32>(re + p);
    const b = load<f32>(im + p);
    store<f32>(re + p, a * fr - b * fi);
    store<f32>(im + p, a * fi + b * fr);
  }
}

/** dst += src over count values (both planes). */
export function accumulate(dstRe: usize, dstIm: usize, re: usize, im: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  for (let p: usize = 0; p < bytes; p += 16) {
    v128.store(dstRe + p, f32x4.add(v128.load(dstRe + p), v128.load(re + p)));
    v128.store(dstIm + p, f32x4.add(v128.load(dstIm + p), v128.load(im + p)));
  }
}

/** dst = src·w, count values (the taper alone). */
export function scale(re: usize, im: usize, w: usize, count: i32): void {
  const bytes = (<usize>count) << 2;
  for (let p: usize = 0; p < bytes; p += 16) {
    const s = v128.load(w + p);
    v128.store(re + p, f32x4.mul(v128.load(re + p), s));
    v128.store(im + p, f32x4.mul(v128.load(im + p), s));
  }
}

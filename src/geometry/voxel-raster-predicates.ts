/**
 * The one geometric predicate the triangle rasteriser needs (which side of a projected edge a lattice line lies on),
 * with an exactly correct sign. Parity fill is only exact if every line is claimed by exactly one of the triangles
 * that meet along an edge or at a vertex; that holds when each side test is the exact answer for the same point,
 * so a rounded floating-point answer is not enough near an edge.
 */

// Shewchuk's first-stage error bound for orient2d, (3 + 16ε)ε with ε = 2⁻⁵³ ("Adaptive precision floating-point
// arithmetic and fast robust geometric predicates", 1997): when |det| exceeds it times the sum of the two product
// magnitudes, the rounded det has the exact sign.
const CCW_ERRBOUND_A = (3 + 16 * 2 ** -53) * 2 ** -53;

const bits = new DataView(new ArrayBuffer(8));

/** A double as mantissa · 2^exponent, exactly. */
function decompose(x: number): { mantissa: bigint; exponent: number } {
  bits.setFloat64(0, x);
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  const biased = (high >>> 20) & 0x7ff;
  let mantissa = (high & 0xfffff) * 2 ** 32 + low;
  let exponent = -1074;
  if (biased !== 0) {
    mantissa += 2 ** 52;
    exponent = biased - 1075;
  }
  const big = BigInt(mantissa);
  return { mantissa: high >>> 31 ? -big : big, exponent };
}

/**
 * The exact sign (−1, 0, 1) of (ax − cx)(by − cy) − (ay − cy)(bx − cx) for finite doubles, in integer arithmetic.
 * Slow; only called when the floating-point filter cannot decide (a point within ~1e-16 relative of an edge line).
 */
export function exactOrientSign(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const parts = [ax, ay, bx, by, cx, cy].map(decompose);
  let lowest = Number.POSITIVE_INFINITY;
  for (const part of parts) if (part.mantissa !== 0n && part.exponent < lowest) lowest = part.exponent;
  if (lowest === Number.POSITIVE_INFINITY) return 0;
  // Bring every value to one common power of two, so they become plain integers with the same scale.
  const [iax, iay, ibx, iby, icx, icy] = parts.map((part) => part.mantissa << BigInt(part.exponent - lowest)) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const det = (iax - icx) * (iby - icy) - (iay - icy) * (ibx - icx);
  return det > 0n ? 1 : det < 0n ? -1 : 0;
}

/**
 * Breaks an exact tie (c on the line through a and b) as if c were moved by (ε, ε²), ε → 0⁺ (simulation of
 * simplicity). The det is linear in c with gradient (ay − by, bx − ax), so the sign is that of the first non-zero
 * of those two differences, whose signs are exact in floating point. Antisymmetric in a ↔ b, like the det itself.
 * Zero only when a = b (a degenerate edge, which bounds no area).
 */
function tieBreak(ax: number, ay: number, bx: number, by: number): number {
  if (ay !== by) return ay > by ? Number.MIN_VALUE : -Number.MIN_VALUE;
  if (ax !== bx) return bx > ax ? Number.MIN_VALUE : -Number.MIN_VALUE;
  return 0;
}

/**
 * Twice the signed area of the triangle (a, b, c): positive when c lies left of the directed line a → b. The sign
 * is exact (Shewchuk's filter, then exact integer arithmetic), and a point exactly on the line is moved off it by
 * the fixed symbolic perturbation c + (ε, ε²). Then every point is strictly inside or outside every non-degenerate
 * triangle, consistently across triangles, so a line through a shared edge or vertex meets a closed mesh an even
 * number of times. The magnitude is the rounded det when the filter decides; otherwise it is ±Number.MIN_VALUE,
 * which reads as "on the edge" (zero weight) to a caller computing barycentric coordinates.
 */
export function orient2d(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const detLeft = (ax - cx) * (by - cy);
  const detRight = (ay - cy) * (bx - cx);
  const det = detLeft - detRight;
  let detSum: number;
  if (detLeft > 0) {
    if (detRight <= 0) return det;
    detSum = detLeft + detRight;
  } else if (detLeft < 0) {
    if (detRight >= 0) return det;
    detSum = -detLeft - detRight;
  } else {
    // A difference of doubles is zero only when they are equal, so detLeft is exactly zero and det's sign is exact.
    return det !== 0 ? det : tieBreak(ax, ay, bx, by);
  }
  if (det >= CCW_ERRBOUND_A * detSum || -det >= CCW_ERRBOUND_A * detSum) return det;
  const sign = exactOrientSign(ax, ay, bx, by, cx, cy);
  return sign === 0 ? tieBreak(ax, ay, bx, by) : sign * Number.MIN_VALUE;
}

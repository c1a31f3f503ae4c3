/** Minimal 3-vector helpers for the phantom generator (plain tuples, double precision). */
export type Vec3 = readonly [number, number, number];
export type Vec2 = readonly [number, number];

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const length = (a: Vec3): number => Math.sqrt(dot(a, a));
export function normalize(a: Vec3): Vec3 {
  const l = length(a);
  if (l === 0) throw new Error('normalize: zero vector');
  return scale(a, 1 / l);
}
/** a + s1·b + s2·c */
export const combine = (a: Vec3, b: Vec3, s1: number, c: Vec3, s2: number): Vec3 => [
  a[0] + b[0] * s1 + c[0] * s2,
  a[1] + b[1] * s1 + c[1] * s2,
  a[2] + b[2] * s1 + c[2] * s2,
];
/** Rounds to 1e-6 (1 µm) so that the numbers written into scene extras are short and stable. */
export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0;
export const roundVec = (a: Vec3): [number, number, number] => [round6(a[0]), round6(a[1]), round6(a[2])];

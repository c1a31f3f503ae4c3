/** Length units a mesh file may be in, with the metres of one unit. */
export const LENGTH_UNITS = { m: 1, cm: 0.01, mm: 0.001 } as const;
export type LengthUnit = keyof typeof LENGTH_UNITS;

/** Sizes of the bones (and the regions around them) this planner treats: a finger bone to a pelvis [m]. */
export const BONE_SIZE = { min: 0.02, max: 0.6 } as const;

/** A unit guess with the reason a person can check. */
export interface UnitGuess {
  unit: LengthUnit;
  /** the largest extent in that unit, as metres [m] */
  size: number;
  reason: string;
}

/**
 * Guesses the unit of a mesh file from its size: files do not say, and a femur is ≈ 0.45 m long, so 450 means
 * millimetres and 0.45 metres. Each unit gives the mesh a size in metres; the guess is the unit whose size lies
 * in (or nearest, on a log scale, to) the range of bones, 2 cm to 60 cm.
 * @param extent - the largest side of the file's bounding box [file units]
 * @returns the guess and why
 */
export function guessUnit(extent: number): UnitGuess {
  const distance = (size: number) =>
    size < BONE_SIZE.min
      ? Math.log10(BONE_SIZE.min / size)
      : size > BONE_SIZE.max
        ? Math.log10(size / BONE_SIZE.max)
        : 0;
  // Metres first: a bone-sized file in metres needs no guess; then the commonest export unit, millimetres.
  const order: LengthUnit[] = ['m', 'mm', 'cm'];
  let best: LengthUnit = 'm';
  for (const unit of order) {
    if (distance(extent * LENGTH_UNITS[unit]) < distance(extent * LENGTH_UNITS[best])) best = unit;
  }
  const size = extent * LENGTH_UNITS[best];
  const shown = size >= 0.1 ? `${(size * 100).toFixed(0)} cm` : `${(size * 1000).toFixed(0)} mm`;
  // A file no unit makes bone-sized (a 1 m box, a 0.5 mm speck) gets the nearest unit, and is not called a bone.
  const fits = boneSizeProblem(size) === undefined;
  return {
    unit: best,
    size,
    reason: `its largest side is ${Number(extent.toPrecision(3))} file units: ${shown} if they are ${best}, ${fits ? "a bone's size" : `the nearest any unit comes to a bone's size (${BONE_RANGE})`}`,
  };
}

const BONE_RANGE = `${BONE_SIZE.min * 100} to ${BONE_SIZE.max * 100} cm`;

/**
 * Why a part of this size is not a bone the planner treats (2 to 60 cm), in words; undefined when it is one.
 * @param largest - the part's largest side in the unit chosen [m]
 */
export function boneSizeProblem(largest: number): string | undefined {
  if (largest > BONE_SIZE.max) return `larger than any bone the planner treats (${BONE_RANGE}): check the unit`;
  if (largest < BONE_SIZE.min) return `smaller than any bone the planner treats (${BONE_RANGE}): check the unit`;
  return undefined;
}

import type { TissueId } from '../physics/tissue-ids.ts';
import { BABELBRAIN_BONE_ABSORPTION_FRACTION, TISSUES } from '../physics/tissues.ts';
import { usePlanner } from '../state/hooks.ts';
import type { TissueOverrides } from '../state/tissue-overrides.ts';
import { TISSUE_NAMES } from '../style/palette.ts';
import { plainNumber } from './tissue-fields.ts';

type Bone = keyof typeof BABELBRAIN_BONE_ABSORPTION_FRACTION;
const BONES = Object.keys(BABELBRAIN_BONE_ABSORPTION_FRACTION) as Bone[];

function fractions(bones: readonly Bone[], pick: (bone: Bone) => number): TissueOverrides {
  return Object.fromEntries(bones.map((b) => [b, { absorptionFraction: pick(b) }]));
}

/**
 * The bone-heating bracket, one click each way: the bone's absorbed fraction at the built-in 1 (every attenuated
 * watt heats the bone: the upper bound) or at BabelBrain's values (0.16 cortical, 0.15 trabecular: the lower bound).
 * The largest uncertainty of bone heating, so it sits at the top of the advanced settings (src/physics/CONTEXT.md,
 * "Bone absorbed fraction").
 */
export function BoneBracket({ tissues, disabled }: { tissues: readonly TissueId[]; disabled: boolean }) {
  const overrides = usePlanner((s) => s.tissueOverrides);
  const setValues = usePlanner((s) => s.setTissueValues);
  const bones = BONES.filter((b) => tissues.includes(b));
  if (bones.length === 0) return null;
  const now = (b: Bone) => overrides[b]?.absorptionFraction ?? TISSUES[b].absorptionFraction;
  const atDefault = bones.every((b) => now(b) === TISSUES[b].absorptionFraction);
  const atBabelBrain = bones.every((b) => now(b) === BABELBRAIN_BONE_ABSORPTION_FRACTION[b]);
  // "0.16" with one bone in the case, "cortical bone 0.16, trabecular bone 0.15" with both.
  const list = (pick: (b: Bone) => number) =>
    bones.length === 1
      ? plainNumber(pick(bones[0] as Bone))
      : bones.map((b) => `${TISSUE_NAMES[b].toLowerCase()} ${plainNumber(pick(b))}`).join(', ');
  return (
    <fieldset className="bone-bracket" data-testid="bone-bracket">
      <legend>Bone heating: absorbed fraction</legend>
      <p>
        {bones.length === 1 ? `${TISSUE_NAMES[bones[0] as Bone]}'s absorbed fraction is` : 'Absorbed fractions:'}{' '}
        <strong data-testid="bone-fraction">{list(now)}</strong>
        {atDefault ? ' (built-in)' : atBabelBrain ? ' (BabelBrain)' : ' (changed)'}.
      </p>
      <div className="actions">
        <button
          type="button"
          className="small"
          data-testid="bone-fraction-default"
          aria-pressed={atDefault}
          disabled={disabled}
          onClick={() => setValues(fractions(bones, (b) => TISSUES[b].absorptionFraction))}
        >
          Built-in 1 (upper bound)
        </button>
        <button
          type="button"
          className="small"
          data-testid="bone-fraction-babelbrain"
          aria-pressed={atBabelBrain}
          disabled={disabled}
          onClick={() => setValues(fractions(bones, (b) => BABELBRAIN_BONE_ABSORPTION_FRACTION[b]))}
        >
          BabelBrain {list((b) => BABELBRAIN_BONE_ABSORPTION_FRACTION[b])} (lower bound)
        </button>
      </div>
      <p className="hint">
        The share of the sound lost in bone that heats it where it is lost. The default is 1: all of it, with the low
        bone attenuation of the IT'IS database. BabelBrain uses 0.16 with its own, higher attenuations. Sonicate with
        each to see the range of bone heating; the heat of shear waves at the bone surface comes on top of either.
      </p>
    </fieldset>
  );
}

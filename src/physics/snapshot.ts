/**
 * What a running sonication already knows, reported with its progress so a display can fill in while it runs:
 * first the field (its peak pressure), then the heat as it is simulated (the time reached and the hottest
 * temperature so far). Every value is the one the finished run will hold at that point: the field's peak is the
 * result's, and the hottest temperature only rises, to the result's peak temperature at the last step.
 */
export type SonicationSnapshot =
  | {
      readonly stage: 'field';
      /** peak pressure amplitude of the field [Pa] */
      readonly peakPressure: number;
    }
  | {
      readonly stage: 'heat';
      /** simulated time reached, from the start of heating [s] */
      readonly time: number;
      /** heating time [s] */
      readonly duration: number;
      /** cooling time after it [s] */
      readonly cooling: number;
      /** hottest temperature reached anywhere in the focal region so far [°C] (in a sequence: during this spot) */
      readonly peakTemperature: number;
      /** in a sequence of spots: which one heats (0-based) and of how many */
      readonly spot?: { readonly index: number; readonly count: number };
    };

/** The heat of a running sonication (or of a spot of a sequence) so far. */
export type HeatSnapshot = Extract<SonicationSnapshot, { stage: 'heat' }>;

/** A run's progress: the fraction done (0..1) and, where it has one, what it already knows. */
export type SonicationProgress = (fraction: number, snapshot?: SonicationSnapshot) => void;

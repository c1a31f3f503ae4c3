import { formatQuantity } from './format.ts';
import { parseQuantity, type QuantityParse, type QuantityRule } from './quantity.ts';

/**
 * The drive of a sonication typed as the peers' users set it: an acoustic power, a surface pressure or a normal
 * velocity, all turned into the power the engine takes with one convention, W = ½·ρc·u²·A (a uniform normal
 * velocity u over the radiating area A, plane-wave radiation into the coupling water; p = ρc·u), the same as the
 * command line's (src/cli/run.ts POWER_CONVENTION).
 */
export interface DriveContext {
  /** radiating area A [m²] */
  area: number;
  /** ρc of the coupling water [Rayl] */
  impedance: number;
}

/** The convention in one line, for the field's hint. */
export const DRIVE_CONVENTION = 'W = ½·ρc·u²·A, p = ρc·u (uniform velocity over the radiating area, into the water)';

const PRESSURE: QuantityRule = { si: 'Pa', min: 0, max: Number.POSITIVE_INFINITY, display: 'MPa', scale: 1e-6 };
const VELOCITY: QuantityRule = { si: 'm/s', min: 0, max: Number.POSITIVE_INFINITY, display: 'm/s', scale: 1 };

/**
 * @param text - what was typed: `50 W`, `0.2 MPa`, `0.12 m/s` (a bare number is watts)
 * @param power - the power rule (its range is checked after the conversion)
 * @param drive - area and impedance
 * @returns the power [W], or why not
 */
export function parseDrive(text: string, power: QuantityRule, drive: DriveContext): QuantityParse {
  const direct = parseQuantity(text, power);
  if (direct.ok || !/not in units/.test(direct.error)) return direct;
  const pressure = parseQuantity(text, PRESSURE);
  const velocity = pressure.ok ? pressure : parseQuantity(text, VELOCITY);
  if (!velocity.ok) {
    return { ok: false, error: `"${text.trim()}" is not a power (W), a surface pressure (Pa) or a velocity (m/s).` };
  }
  const u = pressure.ok ? pressure.value / drive.impedance : velocity.value;
  const watts = 0.5 * drive.impedance * u * u * drive.area;
  const shown = formatQuantity(watts, 'W');
  if (watts < power.min || watts > power.max) {
    return {
      ok: false,
      error: `That is ${shown} (${DRIVE_CONVENTION}); the power must be between ${power.min} and ${power.max} W.`,
    };
  }
  return { ok: true, value: watts };
}

/**
 * The surface pressure and velocity of a power.
 * @param watts - [W]
 * @param drive - area and impedance
 * @returns p [Pa] and u [m/s]
 */
export function driveOfPower(watts: number, drive: DriveContext): { pressure: number; velocity: number } {
  const u = Math.sqrt((2 * watts) / (drive.impedance * drive.area));
  return { pressure: drive.impedance * u, velocity: u };
}

import { fluidSolidInterface } from '../elastic-interface.ts';
import { criticalAngle } from '../interfaces.ts';
import type { AcousticMaterial } from './materials.ts';

/** Samples of cos θ in [0, 1] per table: fine enough to follow the transmission peak at the critical angle. */
const SAMPLES = 4097;

/**
 * Plane-wave coefficients of one interface (medium 1 → medium 2) tabulated against cos θ of the incidence angle,
 * so the march looks them up per column without complex arithmetic or allocation.
 *
 * Entering an elastic solid (shear speed > 0) from a fluid uses the fluid–solid solution with mode conversion
 * (elastic-interface.ts); every other pair (fluid → fluid, and leaving bone, where mode conversion back into the
 * longitudinal wave is not modelled) uses the fluid–fluid one (the same formulas with c_t = 0).
 */
export interface InterfaceTable {
  /** pressure transmission (longitudinal), real and imaginary parts */
  readonly tRe: Float64Array;
  readonly tIm: Float64Array;
  /** pressure reflection */
  readonly rRe: Float64Array;
  readonly rIm: Float64Array;
  /**
   * fraction of the incident normal energy flux deposited just beyond the interface: the mode-converted shear wave
   * and, in a lossy solid near or beyond the critical angle, the inhomogeneous longitudinal wave (1 − |R|² − E_l)
   */
  readonly shear: Float64Array;
  /** cos of the shear wave's refraction angle from the normal (0 where there is none) */
  readonly shearCos: Float64Array;
  /** 1 where the longitudinal wave in medium 2 propagates, 0 beyond its critical angle */
  readonly propagates: Uint8Array;
  /** shear attenuation of medium 2 [Np/m] (0 if fluid) */
  readonly shearAttenuation: number;
}

/**
 * An interface table whose samples are computed when first asked for: a march meets a few hundred distinct angles
 * per tissue pair, so filling all SAMPLES up front cost more than the march's own column work (measured: ≈ 5 % of a
 * femur sonication). Every sample is a pure function of its index, so the order of filling changes no value.
 */
export class LazyInterfaceTable implements InterfaceTable {
  readonly tRe = new Float64Array(SAMPLES);
  readonly tIm = new Float64Array(SAMPLES);
  readonly rRe = new Float64Array(SAMPLES);
  readonly rIm = new Float64Array(SAMPLES);
  readonly shear = new Float64Array(SAMPLES);
  readonly shearCos = new Float64Array(SAMPLES);
  readonly propagates = new Uint8Array(SAMPLES);
  readonly shearAttenuation: number;
  /** a fluid entering an elastic solid (cortical bone): the fluid–solid solution with mode conversion applies */
  readonly solid: boolean;
  /** the longitudinal critical angle [rad] (π/2 when the second medium is not faster) */
  readonly criticalAngle: number;
  private readonly filled = new Uint8Array(SAMPLES);
  private readonly to: { density: number; speedOfSound: number; shearSpeed: number; attenuation: number };

  constructor(
    private readonly from: AcousticMaterial,
    to: AcousticMaterial,
    private readonly frequency: number,
  ) {
    this.solid = !from.isGas && !to.isGas && to.shearSpeed > 0 && from.shearSpeed === 0;
    this.shearAttenuation = this.solid ? to.shearAttenuation : 0;
    const critical = criticalAngle(from.speedOfSound, to.speedOfSound);
    this.criticalAngle = Number.isNaN(critical) ? Math.PI / 2 : critical;
    this.to = {
      density: to.density,
      speedOfSound: to.speedOfSound,
      shearSpeed: this.solid ? to.shearSpeed : 0,
      attenuation: to.attenuation,
    };
  }

  /**
   * @param s - sample index (tableIndex)
   * @returns s, its entries now computed
   */
  sample(s: number): number {
    if (this.filled[s] === 1) return s;
    this.filled[s] = 1;
    // Grazing incidence (cos 0) is singular; the first sample stands for half a step above it.
    const cos = Math.max(s, 0.5) / (SAMPLES - 1);
    // Longitudinal losses make the impedances ρω/k_z complex (exact for layered lossy fluids, see the tests); the
    // shear wave's own loss only decides where its energy is deposited (shear.ts).
    const c = fluidSolidInterface(this.from, this.to, cos, this.frequency);
    const propagates = !c.beyondLongitudinalCriticalAngle;
    // Beyond the critical angle the longitudinal wave in the solid is evanescent: it is not marched on.
    this.tRe[s] = propagates ? c.longitudinalTransmission[0] : 0;
    this.tIm[s] = propagates ? c.longitudinalTransmission[1] : 0;
    this.rRe[s] = c.reflection[0];
    this.rIm[s] = c.reflection[1];
    // What is neither reflected nor carried on by the longitudinal wave stays at the surface: the shear wave, and
    // in a lossy solid near θc the inhomogeneous longitudinal wave (the two cannot be told apart with losses).
    this.shear[s] = this.solid ? Math.max(0, 1 - c.reflectedEnergy - c.longitudinalEnergy) : 0;
    this.shearCos[s] = Number.isNaN(c.shearAngle) ? 1 : Math.cos(c.shearAngle);
    this.propagates[s] = propagates ? 1 : 0;
    return s;
  }
}

/**
 * @param from - incident medium
 * @param to - transmitted medium
 * @param frequency - f [Hz]: the attenuations make the impedances ρω/k_z of lossy media complex
 * @returns the table over cos θ = 0 … 1 (SAMPLES entries), every sample computed
 */
export function interfaceTable(from: AcousticMaterial, to: AcousticMaterial, frequency: number): InterfaceTable {
  const table = new LazyInterfaceTable(from, to, frequency);
  for (let s = 0; s < SAMPLES; s++) table.sample(s);
  return table;
}

/**
 * Nearest table sample of cos θ.
 * @param cos - cos θ, clamped to [0, 1]
 * @returns sample index
 */
export function tableIndex(cos: number): number {
  const c = Math.min(1, Math.max(0, cos));
  return Math.round(c * (SAMPLES - 1));
}

/** Tables kept between marches (a planner sonicates the same tissues again and again), at most this many. */
const KEPT_TABLES = 64;
const kept = new Map<string, LazyInterfaceTable>();

function keyOf(m: AcousticMaterial): string {
  return `${m.density}/${m.speedOfSound}/${m.attenuation}/${m.shearSpeed}/${m.shearAttenuation}/${m.isGas}`;
}

/**
 * Interface tables of every label pair of a lattice, made on first use and kept for later marches with the same
 * two media and frequency (a memo of a pure function: no value depends on what ran before).
 */
export class InterfaceTables {
  private readonly tables = new Map<number, LazyInterfaceTable>();
  constructor(
    private readonly materials: readonly AcousticMaterial[],
    private readonly frequency: number,
  ) {}

  /**
   * @param from - label of the incident medium
   * @param to - label of the transmitted medium
   * @returns the pair's table (ask its samples through `sample`)
   */
  get(from: number, to: number): LazyInterfaceTable {
    const key = from * 256 + to;
    let table = this.tables.get(key);
    if (!table) {
      const a = this.materials[from] as AcousticMaterial;
      const b = this.materials[to] as AcousticMaterial;
      const name = `${keyOf(a)}|${keyOf(b)}|${this.frequency}`;
      table = kept.get(name);
      if (!table) {
        if (kept.size >= KEPT_TABLES) kept.delete(kept.keys().next().value as string);
        table = new LazyInterfaceTable(a, b, this.frequency);
        kept.set(name, table);
      }
      this.tables.set(key, table);
    }
    return table;
  }
}

/**
 * The heat step's temperature surfaces, shared by the 3D view and its key so the key's swatches are the surfaces'
 * own colours. Fixed stops of inferno (the app's temperature scale, style/palette.ts), spread wide apart — red,
 * orange, pale yellow, hotter brighter — because the run's peak-scaled stops came out as three pinks beside the
 * magenta lesion and could not be told apart. The hottest is the most opaque, the coolest a faint shell round it.
 */
export interface TemperatureSurface {
  /** [°C] */
  level: number;
  /** CSS hex, also the material's colour */
  colour: string;
  opacity: number;
}

export const TEMPERATURE_SURFACES: readonly TemperatureSurface[] = [
  { level: 45, colour: '#db523a', opacity: 0.3 }, // inferno(0.6)
  { level: 55, colour: '#f9a41a', opacity: 0.5 }, // inferno(0.8)
  { level: 65, colour: '#fbf289', opacity: 0.95 }, // inferno(0.97)
];

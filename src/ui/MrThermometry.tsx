import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { ABLATION_CONTOUR_STYLE, ABLATION_DOSE, cssGradient } from './colour-scales.ts';
import { formatQuantity } from './format.ts';
import { activeSpotAt, type ShownRun } from './shown-run.ts';
import {
  belowFloorNote,
  contourSegments,
  extractPlane,
  focusPeakTime,
  frameIndexAt,
  type PlaneMode,
  planeAxes,
  planeIndexAt,
  planeTilt,
  THERMOMETRY_FLOOR,
  thermometryPixels,
} from './thermometry.ts';

type Vec3 = [number, number, number];
const AXIS_NAMES = ['x', 'y', 'z'] as const;
/** Canvas pixels per voxel at most, and the canvas's longest side at least. */
const MIN_CANVAS = 240;

function gridCentre(run: ShownRun): Vec3 {
  const g = run.grid;
  return [
    g.origin[0] + ((g.nx - 1) / 2) * g.spacing,
    g.origin[1] + ((g.ny - 1) / 2) * g.spacing,
    g.origin[2] + ((g.nz - 1) / 2) * g.spacing,
  ];
}

/**
 * A simulated MR-thermometry image: one grid plane through the focus, neutral grey standing for the anatomy
 * (the outcome carries no tissue labels), temperature above 40 °C in inferno (40 °C → the run's peak), and the
 * 240 CEM43 contour. The plane is the grid plane through the focus either across the beam (normal = the grid axis
 * closest to the beam direction, like a clinical coronal thermometry slice) or along it (containing the beam
 * axis as far as a grid plane can). It follows the playback time, frame by frame when the run recorded frames;
 * without frames it shows the maximum temperature and final dose of the run. For a plan the plane goes through
 * the focus of the spot running at the playback time.
 */
export function MrThermometry({ run }: { run: ShownRun | undefined }) {
  const time = usePlanner((s) => s.playback.time);
  const beamDirection = usePlanner((s) => s.beamDirection);
  const spots = usePlanner((s) => s.spots);
  const [mode, setMode] = useState<PlaneMode>('across-beam');
  const canvas = useRef<HTMLCanvasElement>(null);
  const selectId = useId();

  const frames = run?.frames;
  const frame = frames ? frameIndexAt(frames.time, time) : -1;
  const spotId = run && run.source === 'plan' ? activeSpotAt(run.spotStarts, time) : undefined;
  const spotFocus = spotId ? spots.find((s) => s.id === spotId)?.focus : undefined;
  const focus: Vec3 | undefined = run ? (spotFocus ?? run.focus ?? gridCentre(run)) : undefined;
  const axes = useMemo(() => planeAxes(beamDirection, mode), [beamDirection, mode]);
  // The planes are the grid's: with a beam off the grid's axes the view is oblique, and says by how much.
  const tilt = planeTilt(beamDirection, mode);
  const index = run && focus ? planeIndexAt(run.grid, axes.normal, focus[axes.normal]) : 0;

  const planes = useMemo(() => {
    if (!run) return undefined;
    const voxels = run.grid.nx * run.grid.ny * run.grid.nz;
    const useFrame = frames !== undefined && frame >= 0 && frames.temperature.length >= (frame + 1) * voxels;
    const temperature = extractPlane(
      useFrame ? frames.temperature : run.maxTemperature,
      run.grid,
      axes,
      index,
      useFrame ? frame : 0,
    );
    const useDoseFrame = frames !== undefined && frame >= 0 && frames.dose.length >= (frame + 1) * voxels;
    const dose = extractPlane(useDoseFrame ? frames.dose : run.dose, run.grid, axes, index, useDoseFrame ? frame : 0);
    return { temperature, dose, fromFrames: useFrame };
  }, [run, frames, frame, axes, index]);

  const max = run ? Math.max(run.peakTemperature, THERMOMETRY_FLOOR + 5) : THERMOMETRY_FLOOR + 5;

  useEffect(() => {
    const el = canvas.current;
    if (!el || !planes) return;
    const { temperature, dose } = planes;
    const px = Math.max(1, Math.ceil(MIN_CANVAS / Math.max(temperature.width, temperature.height)));
    el.width = temperature.width * px;
    el.height = temperature.height * px;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const image = new ImageData(thermometryPixels(temperature, max), temperature.width, temperature.height);
    const off = document.createElement('canvas');
    off.width = temperature.width;
    off.height = temperature.height;
    off.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, 0, 0, el.width, el.height);
    ctx.strokeStyle = ABLATION_CONTOUR_STYLE.colour;
    ctx.lineWidth = ABLATION_CONTOUR_STYLE.width;
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of contourSegments(dose, ABLATION_DOSE)) {
      ctx.moveTo((x1 + 0.5) * px, (y1 + 0.5) * px);
      ctx.lineTo((x2 + 0.5) * px, (y2 + 0.5) * px);
    }
    ctx.stroke();
  }, [planes, max]);

  if (!run || !planes) {
    return (
      <figure className="mr-thermometry" data-testid="mr-thermometry" data-frame={-1}>
        <p className="hint">Sonicate to see the simulated MR thermometry.</p>
      </figure>
    );
  }
  const u = AXIS_NAMES[axes.u];
  const v = AXIS_NAMES[axes.v];
  const n = AXIS_NAMES[axes.normal];
  const planeCoordinate = run.grid.origin[axes.normal] + index * run.grid.spacing;
  // A plane all below the floor is plain grey: at the end of a run everything has cooled, which reads as broken.
  const belowFloor = belowFloorNote(
    planes.temperature,
    planes.fromFrames ? (frames?.time[frame] ?? 0) : undefined,
    run.source === 'sonication' ? focusPeakTime(run.series) : undefined,
  );
  return (
    <figure
      className="mr-thermometry"
      data-testid="mr-thermometry"
      data-frame={frame}
      data-plane={`${n}=${index}`}
      data-from-frames={planes.fromFrames}
    >
      <div className="mr-thermometry-head">
        <label htmlFor={selectId}>Plane</label>
        <select
          id={selectId}
          data-testid="mr-plane"
          value={mode}
          onChange={(e) => setMode(e.target.value as PlaneMode)}
        >
          <option value="across-beam">Across the beam (nearest grid plane)</option>
          <option value="along-beam">Along the beam (nearest grid plane)</option>
        </select>
      </div>
      <canvas
        ref={canvas}
        className="mr-thermometry-canvas"
        role="img"
        aria-label={`Simulated MR thermometry, plane ${n} = ${formatQuantity(planeCoordinate, 'mm', 1e3)}: temperature above ${THERMOMETRY_FLOOR} °C and the ${ABLATION_DOSE} CEM43 contour`}
      />
      {belowFloor && (
        <p className="hint mr-below-floor" role="status" data-testid="mr-below-floor">
          {belowFloor}
        </p>
      )}
      <figcaption>
        <div className="colour-legend" data-testid="mr-legend">
          <span className="colour-legend-bar" style={{ background: cssGradient('inferno') }} />
          <span className="colour-legend-ticks">
            <span>{formatQuantity(THERMOMETRY_FLOOR, '°C')}</span>
            <span>{formatQuantity(max, '°C')}</span>
          </span>
          <span className="colour-legend-contour">
            <span className="contour-swatch" style={{ borderColor: ABLATION_CONTOUR_STYLE.colour }} />
            {ABLATION_DOSE} CEM43 min
          </span>
        </div>
        <small className="hint">
          {n} = {formatQuantity(planeCoordinate, 'mm', 1e3)} · {u} → right, {v} → up ·{' '}
          {tilt >= 5 && (
            <span data-testid="mr-plane-tilt">
              {Math.round(tilt)}° from {mode === 'across-beam' ? 'square to' : 'along'} the beam ·{' '}
            </span>
          )}
          {formatQuantity(run.grid.spacing, 'mm', 1e3)} pixels · grey: below {THERMOMETRY_FLOOR} °C (the tissue itself
          is not drawn) ·{' '}
          {planes.fromFrames
            ? `frame at ${formatQuantity(frames?.time[frame] ?? 0, 's')}`
            : 'peak over the run (no frames recorded)'}
        </small>
      </figcaption>
    </figure>
  );
}

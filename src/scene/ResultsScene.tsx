import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { DepthClear } from './DepthClear.tsx';
import { DoseSurfaces } from './DoseSurfaces.tsx';
import { ProbeMarkers } from './ProbeMarkers.tsx';
import { SlicePlanes } from './SlicePlanes.tsx';
import { sliceLegend } from './slice-colours.ts';
import { log10Field } from './slice-geometry.ts';
import { useShownFields } from './useShownFields.ts';

/**
 * The results in 3D, for the run playback.source names (the last sonication or the last plan) at playback.time:
 * the three slice planes (when slices.visible) with the 240 CEM43 contour, the ablation (240) and safety (30 CEM43)
 * dose surfaces, and the probe markers with the Alt+click probe drop. Slices and surfaces are an overlay drawn
 * over the anatomy (resultsLayers.ts). No props: render inside <Viewer>, beside <CaseModel> and <PlanningScene>.
 */
export function ResultsScene() {
  const shown = useShownFields();
  const quantity = usePlanner((s) => s.slices.quantity);
  const slicesVisible = usePlanner((s) => s.slices.visible);
  const invalidate = useThree((s) => s.invalidate);
  const outcome = shown?.outcome;
  const legend = useMemo(() => (outcome ? sliceLegend(quantity, outcome) : undefined), [quantity, outcome]);
  const dose = shown?.dose;
  const logDose = useMemo(() => (dose ? log10Field(dose) : undefined), [dose]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: any change of what is shown needs a new frame.
  useEffect(() => invalidate(), [shown, legend, slicesVisible, invalidate]);
  return (
    <group name="results">
      {shown && legend && logDose && (
        <>
          <DepthClear />
          {slicesVisible && <SlicePlanes shown={shown} legend={legend} logDose={logDose} />}
          <DoseSurfaces shown={shown} logDose={logDose} />
        </>
      )}
      <ProbeMarkers />
    </group>
  );
}

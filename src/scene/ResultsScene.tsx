import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useState } from 'react';
import { usePlanner, usePlannerStoreApi } from '../state/hooks.ts';
import { viewStoreOf } from '../state/view.ts';
import { resultScale } from '../style/result-scales.ts';
import { DepthClear } from './DepthClear.tsx';
import { DoseSurfaces } from './DoseSurfaces.tsx';
import { useBudgetedValue, useFrameCost } from './frame-budget.ts';
import { ProbeMarkers } from './ProbeMarkers.tsx';
import { createResultMaterials, type ResultMaterials, warmUpGeometry } from './result-materials.ts';
import { noRaycast, RESULTS_ORDER } from './resultsLayers.ts';
import { SlicePlanes } from './SlicePlanes.tsx';
import { useDerivedFrame } from './useDerivedFrame.ts';
import { useShownFields } from './useShownFields.ts';

/**
 * Draws every result material once on a zero-area stand-in (see warmUpGeometry) while the view starts, then goes:
 * the shaders and pipelines of the results are compiled before the first run, not when its results arrive.
 */
function WarmUp({ materials, onDone }: { materials: ResultMaterials; onDone: () => void }) {
  const geometry = useMemo(() => warmUpGeometry(), []);
  const invalidate = useThree((s) => s.invalidate);
  const frames = useMemo(() => ({ n: 0 }), []);
  useEffect(() => {
    invalidate();
    return () => geometry.dispose();
  }, [geometry, invalidate]);
  // useFrame runs before each render: the second call means the first frame, with the stand-ins, was drawn.
  useFrame(() => {
    frames.n++;
    if (frames.n === 2) onDone();
    else invalidate();
  });
  const common = { geometry, raycast: noRaycast, frustumCulled: false } as const;
  return (
    <group name="results-warm-up">
      {([0, 1, 2] as const).map((axis) => (
        <group key={axis}>
          <mesh {...common} material={materials.slices[axis]} renderOrder={RESULTS_ORDER.slices} />
          <lineLoop {...common} material={materials.outlines[axis]} renderOrder={RESULTS_ORDER.slices} />
          <mesh {...common} material={materials.knobs[axis]} renderOrder={4} />
        </group>
      ))}
      <lineSegments {...common} material={materials.contour} renderOrder={RESULTS_ORDER.contours} />
      <mesh {...common} material={materials.ablation} renderOrder={RESULTS_ORDER.ablation} />
      <mesh {...common} material={materials.safety} renderOrder={RESULTS_ORDER.safety} />
    </group>
  );
}

/**
 * The results in 3D, for the run playback.source names (the last sonication or the last plan) at playback.time:
 * the three slice planes (when slices.visible) with the 240 CEM43 contour, the ablation (240) and safety (30 CEM43)
 * dose surfaces, and the probe markers with the Alt+click probe drop. Slices and surfaces are an overlay drawn
 * over the anatomy (resultsLayers.ts). No props: render inside <Viewer>, beside <CaseModel> and <PlanningScene>.
 *
 * Main-thread budget: the materials live as long as the view and are compiled at start (WarmUp); the surfaces are
 * made in the derive worker and shown with their frame's slices in one drawn frame (useDerivedFrame); during replay
 * the view takes a new frame at most once per measured frame cost, at half resolution on software WebGL
 * (frame-budget.ts, the Viewer's MovingResolution).
 */
export function ResultsScene() {
  const live = useShownFields();
  const playing = usePlanner((s) => s.playback.playing);
  const cost = useFrameCost();
  const budgeted = useBudgetedValue(live, playing, cost);
  const frame = useDerivedFrame(budgeted);
  const shown = frame?.shown;
  const quantity = usePlanner((s) => s.slices.quantity);
  const slicesVisible = usePlanner((s) => s.slices.visible);
  const invalidate = useThree((s) => s.invalidate);
  const materials = useMemo(() => createResultMaterials(), []);
  useEffect(() => () => materials.dispose(), [materials]);
  const [warm, setWarm] = useState(false);
  // Compiling the result shaders waits for the case: on software WebGL it holds the main thread for seconds, which
  // would otherwise delay the case's own loading and first picture.
  const caseReady = usePlanner((s) => s.caseStatus === 'ready');
  const outcome = shown?.outcome;
  // Tell the camera which run is drawn: it frames the heat in the same commit as the results appear.
  const view = viewStoreOf(usePlannerStoreApi());
  useEffect(() => view.getState().setDrawnRun(outcome), [view, outcome]);
  const scale = useMemo(() => (outcome ? resultScale(quantity, outcome) : undefined), [quantity, outcome]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: any change of what is shown needs a new frame.
  useEffect(() => invalidate(), [frame, scale, slicesVisible, invalidate]);
  return (
    <group name="results">
      <DepthClear />
      {caseReady && !warm && <WarmUp materials={materials} onDone={() => setWarm(true)} />}
      {frame && shown && scale && (
        <>
          {slicesVisible && <SlicePlanes shown={shown} scale={scale} materials={materials} />}
          <DoseSurfaces ablation={frame.ablation} safety={frame.safety} materials={materials} />
        </>
      )}
      <ProbeMarkers />
    </group>
  );
}

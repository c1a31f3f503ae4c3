import { usePlanner } from '../state/hooks.ts';
import { FreeBeams } from './FreeBeams.tsx';
import { NoPassRegions } from './NoPassRegions.tsx';
import { SceneProbe } from './SceneProbe.tsx';
import { SpotMarkers } from './SpotMarkers.tsx';
import { Standoff } from './Standoff.tsx';
import { TargetHandle } from './TargetHandle.tsx';
import { TransducerHandle } from './TransducerHandle.tsx';
import { TransducerView } from './TransducerView.tsx';

/**
 * Everything the planner draws and handles over the case: the array with its beams, apex knob and water
 * standoff (hidden in free-beam mode, which shows the free beams instead), the target and its drag ring, the
 * no-pass regions, the plan's spots, and the read-only scene probe. Reads and writes the store only.
 * Render inside <Viewer>, beside <CaseModel> (which does the target picking) and <ResultsScene>.
 */
export function PlanningScene() {
  const freeBeamMode = usePlanner((s) => s.freeBeamMode);
  return (
    <>
      {!freeBeamMode && (
        <>
          <TransducerView />
          <TransducerHandle />
          <Standoff />
        </>
      )}
      <FreeBeams />
      <TargetHandle />
      <NoPassRegions />
      <SpotMarkers />
      <SceneProbe />
    </>
  );
}

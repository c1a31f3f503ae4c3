import { inputPlanePoints, radialLinePoints } from '../../physics/angular-spectrum/input-plane.ts';
import type { RayleighSum } from '../../physics/rayleigh.ts';
import { inputPlaneSum } from '../../physics/whole-path/spot-acoustics.ts';
import { willReuseField } from '../acoustics-reuse.ts';
import type { CaseState } from '../case.ts';
import { focusOf } from '../focus.ts';
import { mediumOf } from '../medium.ts';
import type { SonicateRequest } from '../requests.ts';
import { fieldModelOf, regionGrid, sonicationDrive } from '../sonicate.ts';
import { type LazySourceLayout, lazySourceLayout } from '../source-layout.ts';
import { planningTraceRun } from '../trace-beams.ts';
import { wholePathLattice } from '../whole-path.ts';

/**
 * The Rayleigh sums runSonication will ask its kernel for, computed the way it computes them but without running
 * it: the planning trace, the lattice's layout (not its labels) and the input plane's sources and points. A host
 * whose kernel is asynchronous (WebGPU) evaluates these first and serves them to the synchronous run
 * (served-rayleigh.ts); a sum the run asks for that is not among them is computed on the CPU, so a drift between
 * this function and the run costs time, never a wrong field. The focal-ray model calls the JavaScript reference
 * directly and asks for none, and neither does a run that reuses the last field (acoustics-reuse.ts).
 * @param state - the loaded case
 * @param request - the sonication
 * @param layout - the request's source layout, when the caller already holds it
 * @returns the sums, in the order the run asks for them (one: the input plane, or its radial line for a bowl)
 */
export function sonicationRayleighSums(
  state: CaseState,
  request: SonicateRequest,
  layout: LazySourceLayout = lazySourceLayout(request.transducer),
): RayleighSum[] {
  // The focal-ray model sums on the CPU reference; a reused field (only power or time changed) sums nothing.
  if (fieldModelOf(request) !== 'whole-path' || willReuseField(state, request)) return [];
  const run = planningTraceRun(state, request, layout);
  const medium = mediumOf(request);
  const { frame, lattice, coupling } = wholePathLattice(
    state,
    request.pose,
    run.traced.elements.positions,
    run.traced.paths,
    focusOf(request),
    regionGrid(request),
    request.transducer.frequency,
    medium,
    request.latticeRefinement,
  );
  const drive = { ...sonicationDrive(request, run, medium), couplingTissue: coupling };
  const { sources, coupling: water } = inputPlaneSum(drive, frame);
  const axisymmetric = run.singleElement && run.firing.every((f) => f === 1);
  const points = axisymmetric ? radialLinePoints(lattice) : inputPlanePoints(lattice);
  return [{ sources, medium: water, frequency: request.transducer.frequency, points }];
}

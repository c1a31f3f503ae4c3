import { useEffect, useMemo } from 'react';
import { DoubleSide, Quaternion, Vector3 } from 'three';
import { usePlanner } from '../state/hooks.ts';
import { electronicFocus } from '../state/selectors.ts';
import { BeamLines, BeyondFocusLines } from './BeamLines.tsx';
import { elementStatuses } from './beamStyle.ts';
import { ElementDiscs } from './ElementDiscs.tsx';
import { litMaterial } from './lit-material.ts';

const UP = new Vector3(0, 1, 0);

/**
 * The array: a shallow cap with its elements, and the beams from every element to the focus coloured by status.
 * Reads the live estimate's beams (they follow drags).
 */
export function TransducerView() {
  const transducer = usePlanner((s) => s.transducer);
  const target = usePlanner((s) => s.target);
  // Beams converge where the array focuses: the selected spot when it is steered off the target.
  const focus = usePlanner(electronicFocus);
  const directionArray = usePlanner((s) => s.beamDirection);
  const trace = usePlanner((s) => s.estimate?.beams);
  const elementsOff = usePlanner((s) => s.elementsOff);
  const statuses = useMemo(() => (trace ? elementStatuses(trace, elementsOff) : []), [trace, elementsOff]);
  const capRotation = useMemo(
    () => new Quaternion().setFromUnitVectors(UP, new Vector3(...directionArray).normalize()),
    [directionArray],
  );
  const capMaterial = useMemo(
    () => litMaterial({ color: '#334155', transparent: true, opacity: 0.3, side: DoubleSide, depthWrite: false }, 1),
    [],
  );
  useEffect(() => () => capMaterial.dispose(), [capMaterial]);
  const R = transducer.radiusOfCurvature;
  const thetaMax = Math.asin(Math.min(1, transducer.aperture / 2 / R));

  return (
    <group name="transducer">
      {/* The cap is a piece of the sphere of radius R about the focus, on the transducer's side. */}
      <mesh position={target} quaternion={capRotation} name="transducer-cap">
        <sphereGeometry args={[R * 1.004, 64, 16, 0, Math.PI * 2, 0, thetaMax]} />
        <primitive object={capMaterial} attach="material" />
      </mesh>
      {trace && (
        <>
          <BeamLines positions={trace.elementPositions} statuses={statuses} target={focus} />
          {trace.beyond && <BeyondFocusLines focus={focus} ends={trace.beyond.ends} gas={trace.beyond.gas} />}
          <ElementDiscs
            positions={trace.elementPositions}
            statuses={statuses}
            target={target}
            radius={transducer.elementDiameter / 2}
          />
        </>
      )}
    </group>
  );
}

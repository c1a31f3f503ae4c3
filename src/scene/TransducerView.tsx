import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Color, Quaternion, Vector3 } from 'three';
import { BEAM_STATUS_CODES } from '../geometry/beam-status.ts';
import { usePlanner } from '../state/hooks.ts';
import { BEAM_COLOURS } from '../style/palette.ts';

const UP = new Vector3(0, 1, 0);

/** Lines from every element to the focus, coloured by what they cross. */
function Beams({ positions, statuses, target }: { positions: Float32Array; statuses: Uint8Array; target: Vector3 }) {
  const geometry = useMemo(() => {
    const n = statuses.length;
    const vertices = new Float32Array(6 * n);
    const colours = new Float32Array(6 * n);
    const colour = new Color();
    for (let e = 0; e < n; e++) {
      vertices.set(positions.subarray(3 * e, 3 * e + 3), 6 * e);
      vertices.set([target.x, target.y, target.z], 6 * e + 3);
      const status = BEAM_STATUS_CODES[statuses[e] ?? 0] ?? 'clear';
      colour.set(BEAM_COLOURS[status]);
      colours.set([colour.r, colour.g, colour.b, colour.r, colour.g, colour.b], 6 * e);
    }
    const g = new BufferGeometry();
    g.setAttribute('position', new BufferAttribute(vertices, 3));
    g.setAttribute('color', new BufferAttribute(colours, 3));
    return g;
  }, [positions, statuses, target]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  return (
    <lineSegments geometry={geometry} name="beams" renderOrder={2}>
      <lineBasicMaterial vertexColors transparent opacity={0.55} depthWrite={false} />
    </lineSegments>
  );
}

/** The array (a shallow cap with its elements), its beams and the focus marker. */
export function TransducerView() {
  const transducer = usePlanner((s) => s.transducer);
  const targetArray = usePlanner((s) => s.target);
  const directionArray = usePlanner((s) => s.beamDirection);
  const beams = usePlanner((s) => s.beams);
  const target = useMemo(() => new Vector3(...targetArray), [targetArray]);
  const direction = useMemo(() => new Vector3(...directionArray).normalize(), [directionArray]);
  const capRotation = useMemo(() => new Quaternion().setFromUnitVectors(UP, direction), [direction]);
  const R = transducer.radiusOfCurvature;
  const thetaMax = Math.asin(Math.min(1, transducer.aperture / 2 / R));
  const elementRadius = transducer.elementDiameter / 2;

  return (
    <group name="transducer">
      {/* The cap is a piece of the sphere of radius R about the focus, on the transducer's side. */}
      <mesh position={target} quaternion={capRotation} name="transducer-cap">
        <sphereGeometry args={[R * 1.004, 64, 16, 0, Math.PI * 2, 0, thetaMax]} />
        <meshStandardMaterial color="#334155" transparent opacity={0.3} side={2} depthWrite={false} />
      </mesh>
      {beams && (
        <>
          <Beams positions={beams.elementPositions} statuses={beams.statuses} target={target} />
          <instancedMesh
            key={beams.statuses.length}
            args={[undefined, undefined, beams.statuses.length]}
            name="elements"
            ref={(mesh) => {
              if (!mesh) return;
              const p = new Vector3();
              const axis = new Vector3();
              const unit = new Vector3(1, 1, 1);
              const q = new Quaternion();
              const m = mesh.matrix.clone();
              for (let e = 0; e < beams.statuses.length; e++) {
                p.fromArray(beams.elementPositions, 3 * e);
                q.setFromUnitVectors(UP, axis.copy(target).sub(p).normalize());
                m.compose(p, q, unit);
                mesh.setMatrixAt(e, m);
              }
              mesh.instanceMatrix.needsUpdate = true;
            }}
          >
            <cylinderGeometry args={[elementRadius, elementRadius, 0.002, 16]} />
            <meshStandardMaterial color="#64748b" roughness={0.5} />
          </instancedMesh>
        </>
      )}
      <mesh position={target} name="focus-marker" renderOrder={3}>
        <sphereGeometry args={[0.0025, 16, 12]} />
        <meshBasicMaterial color="#ffffff" depthTest={false} transparent opacity={0.9} />
      </mesh>
    </group>
  );
}

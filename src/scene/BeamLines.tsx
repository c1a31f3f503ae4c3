import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type LineSegments } from 'three';
import { beamColour, beamOpacity, DASHED_STATUSES } from './beamStyle.ts';

type Vec3 = readonly [number, number, number];

/** Dash and gap of dashed beams [m]: a few per centimetre, readable at the usual zoom. */
const DASH = 0.004;
const GAP = 0.003;

function StatusLines({ status, geometry, name }: { status: string; geometry: BufferGeometry; name: string }) {
  const lines = useRef<LineSegments>(null);
  const dashed = DASHED_STATUSES.has(status);
  useLayoutEffect(() => {
    if (dashed && geometry) lines.current?.computeLineDistances();
  }, [dashed, geometry]);
  const colour = beamColour(status);
  const opacity = beamOpacity(status);
  return (
    <lineSegments ref={lines} geometry={geometry} name={name} renderOrder={2}>
      {dashed ? (
        <lineDashedMaterial
          color={colour}
          dashSize={DASH}
          gapSize={GAP}
          transparent
          opacity={opacity}
          depthWrite={false}
        />
      ) : (
        <lineBasicMaterial color={colour} transparent opacity={opacity} depthWrite={false} />
      )}
    </lineSegments>
  );
}

/**
 * Lines from every source to the focus, one LineSegments per status (named `<name>-<status>`), so each status
 * has its colour and critical/no-pass beams are dashed. `positions` is 3N, `statuses` N status names.
 */
export function BeamLines({
  positions,
  statuses,
  target,
  name = 'beams',
}: {
  positions: ArrayLike<number>;
  statuses: readonly string[];
  target: Vec3;
  name?: string;
}) {
  const groups = useMemo(() => {
    const byStatus = new Map<string, number[]>();
    statuses.forEach((status, e) => {
      let list = byStatus.get(status);
      if (!list) {
        list = [];
        byStatus.set(status, list);
      }
      list.push(e);
    });
    return [...byStatus].map(([status, elements]) => {
      const vertices = new Float32Array(6 * elements.length);
      elements.forEach((e, i) => {
        vertices[6 * i] = positions[3 * e] ?? 0;
        vertices[6 * i + 1] = positions[3 * e + 1] ?? 0;
        vertices[6 * i + 2] = positions[3 * e + 2] ?? 0;
        vertices[6 * i + 3] = target[0];
        vertices[6 * i + 4] = target[1];
        vertices[6 * i + 5] = target[2];
      });
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(vertices, 3));
      return { status, geometry };
    });
  }, [positions, statuses, target]);
  useEffect(
    () => () => {
      for (const g of groups) g.geometry.dispose();
    },
    [groups],
  );
  return (
    <group name={name}>
      {groups.map(({ status, geometry }) => (
        <StatusLines key={status} status={status} geometry={geometry} name={`${name}-${status}`} />
      ))}
    </group>
  );
}

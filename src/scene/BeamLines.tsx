import { Line } from '@react-three/drei';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { BufferAttribute, BufferGeometry, type LineSegments } from 'three';
import { beamColour, beamOpacity, DASHED_STATUSES, drawnOnTop, onTopWidth } from './beamStyle.ts';

type Vec3 = readonly [number, number, number];

/** Dash and gap of dashed beams [m]: a few per centimetre, readable at the usual zoom. */
const DASH = 0.004;
const GAP = 0.003;
/** Dot and gap of the continuations past the focus [m]: a line of dots, told apart from a dashed beam. */
const DOT = 0.0012;
/** Draw order: the many clear beams first, the beams that matter over them and over the anatomy. */
const CLEAR_ORDER = 2;
const ON_TOP_ORDER = 2.3;

function StatusLines({
  status,
  geometry,
  name,
  faint,
}: {
  status: string;
  geometry: BufferGeometry;
  name: string;
  faint: boolean;
}) {
  const lines = useRef<LineSegments>(null);
  const dashed = DASHED_STATUSES.has(status);
  useLayoutEffect(() => {
    if (dashed && geometry) lines.current?.computeLineDistances();
  }, [dashed, geometry]);
  const colour = beamColour(status);
  const opacity = beamOpacity(status) * (faint ? 0.6 : 1);
  return (
    <lineSegments ref={lines} geometry={geometry} name={name} renderOrder={CLEAR_ORDER}>
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
 * Beams that matter (gas, a critical structure, a no-pass region, bone before the target, beyond the critical
 * angle): wide screen-space lines drawn after the clear beams and without depth test, so they are seen over the
 * anatomy and over the many cyan beams (issue 10, item 10). Named `<name>-<status>` like the thin ones.
 */
function OnTopLines({
  status,
  points,
  name,
  dots = false,
}: {
  status: string;
  points: Float32Array;
  name: string;
  /** drawn in short dots whatever the status (a beam's continuation past the focus) */
  dots?: boolean;
}) {
  const dashed = dots || DASHED_STATUSES.has(status);
  const list = useMemo(() => {
    const out: [number, number, number][] = [];
    for (let i = 0; i < points.length; i += 3)
      out.push([points[i] as number, points[i + 1] as number, points[i + 2] as number]);
    return out;
  }, [points]);
  return (
    <Line
      name={name}
      points={list}
      segments
      color={beamColour(status)}
      lineWidth={onTopWidth(status)}
      dashed={dashed}
      dashSize={dots ? DOT : DASH}
      gapSize={dots ? DOT : GAP}
      transparent
      opacity={0.95}
      depthTest={false}
      depthWrite={false}
      toneMapped={false}
      renderOrder={ON_TOP_ORDER}
    />
  );
}

/**
 * Lines from every source to the focus, one group per status (named `<name>-<status>`), so each status has its
 * colour and critical/no-pass beams are dashed. The beams that matter are drawn wide and on top; when there are
 * any, the clear ones fade a little. `positions` is 3N, `statuses` N status names.
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
      if (drawnOnTop(status)) return { status, vertices, geometry: undefined };
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(vertices, 3));
      return { status, vertices, geometry };
    });
  }, [positions, statuses, target]);
  useEffect(
    () => () => {
      for (const g of groups) g.geometry?.dispose();
    },
    [groups],
  );
  const anyOnTop = groups.some((g) => g.geometry === undefined);
  return (
    <group name={name}>
      {groups.map(({ status, vertices, geometry }) =>
        geometry ? (
          <StatusLines key={status} status={status} geometry={geometry} name={`${name}-${status}`} faint={anyOnTop} />
        ) : (
          <OnTopLines key={status} status={status} points={vertices} name={`${name}-${status}`} />
        ),
      )}
    </group>
  );
}

/**
 * The firing beams' continuations past the focus that run into gas or a critical structure (the trace's `beyond`):
 * a dotted line from the focus to where each enters it, in the hazard's beam colour and drawn on top, so a path
 * that is clear up to the focus does not hide what lies behind the target.
 */
export function BeyondFocusLines({
  focus,
  ends,
  gas,
  name = 'beams-beyond',
}: {
  focus: Vec3;
  ends: Float32Array;
  gas: boolean;
  name?: string;
}) {
  const points = useMemo(() => {
    const out = new Float32Array(2 * ends.length);
    for (let b = 0; b < ends.length / 3; b++) {
      for (let a = 0; a < 3; a++) {
        out[6 * b + a] = focus[a] as number;
        out[6 * b + 3 + a] = ends[3 * b + a] as number;
      }
    }
    return out;
  }, [focus, ends]);
  return (
    <group name={name} userData={{ beams: ends.length / 3 }}>
      <OnTopLines status={gas ? 'gas' : 'critical'} points={points} name={`${name}-${gas ? 'gas' : 'critical'}`} dots />
    </group>
  );
}

import type { PlannerStoreApi } from '../../state/store.ts';
import type { ExerciseStart } from './exercises.ts';

type Vec3 = [number, number, number];

/** `v` turned by `degrees` about a world axis (right-handed). */
export function rotateAbout(v: readonly number[], axis: 'x' | 'y' | 'z', degrees: number): Vec3 {
  const a = (degrees * Math.PI) / 180;
  const c = Math.cos(a);
  const s = Math.sin(a);
  const [x, y, z] = [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0];
  if (axis === 'x') return [x, c * y - s * z, s * y + c * z];
  if (axis === 'y') return [c * x + s * z, y, -s * x + c * z];
  return [c * x - s * y, s * x + c * y, z];
}

/**
 * Puts the loaded case into the exercise's starting setup in one store update (one undo step): the case's default
 * target and beam direction (turned when the exercise says so), its sonication with the exercise's values, no
 * spots, no no-pass regions, every element on, the automatic switch-off as the exercise says. The case must be
 * loaded (its summary holds the defaults).
 * @returns false when the case is not the one loaded
 */
export function applyStart(store: PlannerStoreApi, start: ExerciseStart): boolean {
  const s = store.getState();
  if (s.caseId !== start.caseId || s.caseStatus !== 'ready' || !s.caseSummary) return false;
  const meta = s.caseSummary.meta;
  const direction = start.tilt
    ? rotateAbout(meta.defaultBeamDirection, start.tilt.axis, start.tilt.degrees)
    : ([...meta.defaultBeamDirection] as Vec3);
  const caseSonication = s.caseInfo.sonication ?? s.sonication;
  store.setState({
    target: [...meta.defaultTarget] as Vec3,
    beamDirection: direction,
    sonication: { ...caseSonication, ...start.sonication },
    spots: [],
    selectedSpotId: undefined,
    noPass: [],
    elementsOff: [],
    freeBeamMode: false,
    freeBeams: [],
    autoSwitchOff: start.autoSwitchOff ?? false,
  });
  return true;
}

import { describe, expect, it } from 'vitest';
import type { Pose } from '../../src/scene/framing.ts';
import {
  screenAxes,
  TARGET_STEP,
  TURN_STEP,
  turned,
  viewKeyAction,
  ZOOM_STEP,
  zoomed,
} from '../../src/scene/keyboard-view.ts';

// The 3D view by keyboard (issue 13, accessibility): what each key does, checked on the pose alone.

const pose: Pose = { target: [0.01, 0.02, 0.03], position: [0.41, 0.32, 0.43] };
const distance = (p: Pose) =>
  Math.hypot(p.position[0] - p.target[0], p.position[1] - p.target[1], p.position[2] - p.target[2]);
const none = { shift: false, alt: false, ctrl: false };
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * (b[i] as number), 0);

describe('turning and zooming the view', () => {
  it('a turn keeps the target and the distance, and turns by the step', () => {
    const next = turned(pose, TURN_STEP, 0);
    expect(next.target).toEqual(pose.target);
    expect(distance(next)).toBeCloseTo(distance(pose), 12);
    const a = pose.position.map((v, i) => v - (pose.target[i] as number));
    const b = next.position.map((v, i) => v - (next.target[i] as number));
    // about the vertical: the height is kept, the horizontal direction turns by TURN_STEP
    expect(b[1]).toBeCloseTo(a[1] as number, 12);
    const angle = Math.acos(
      ((a[0] as number) * (b[0] as number) + (a[2] as number) * (b[2] as number)) /
        (Math.hypot(a[0] as number, a[2] as number) * Math.hypot(b[0] as number, b[2] as number)),
    );
    expect(angle).toBeCloseTo(TURN_STEP, 9);
  });

  it('tilting stops short of straight above, however often the key is pressed', () => {
    let p = pose;
    for (let i = 0; i < 40; i++) p = turned(p, 0, -TURN_STEP);
    const up = (p.position[1] - p.target[1]) / distance(p);
    expect(up).toBeLessThan(1);
    expect(up).toBeGreaterThan(Math.cos((6 * Math.PI) / 180));
  });

  it('+ brings the camera nearer by the zoom step, − takes it back, within limits', () => {
    const plus = viewKeyAction('+', none, pose);
    if (plus.kind !== 'pose') throw new Error(`expected a pose, got ${plus.kind}`);
    expect(distance(plus.pose)).toBeCloseTo(distance(pose) * ZOOM_STEP, 12);
    const minus = viewKeyAction('-', none, plus.pose);
    if (minus.kind !== 'pose') throw new Error(`expected a pose, got ${minus.kind}`);
    expect(distance(minus.pose)).toBeCloseTo(distance(pose), 12);
    let p = pose;
    for (let i = 0; i < 100; i++) p = zoomed(p, ZOOM_STEP);
    expect(distance(p)).toBeCloseTo(0.01, 12);
  });
});

describe('moving the target by keys', () => {
  it('Shift+→ moves it one millimetre to the screen’s right, Alt a tenth of that', () => {
    const { right, up, toward } = screenAxes(pose);
    const a = viewKeyAction('ArrowRight', { ...none, shift: true }, pose);
    if (a.kind !== 'target') throw new Error(`expected a target move, got ${a.kind}`);
    expect(Math.hypot(...a.delta)).toBeCloseTo(TARGET_STEP, 12);
    expect(dot(a.delta, right)).toBeCloseTo(TARGET_STEP, 12);
    const fine = viewKeyAction('ArrowUp', { shift: true, alt: true, ctrl: false }, pose);
    if (fine.kind !== 'target') throw new Error(`expected a target move, got ${fine.kind}`);
    expect(dot(fine.delta, up)).toBeCloseTo(TARGET_STEP / 10, 12);
    const away = viewKeyAction('PageUp', none, pose);
    if (away.kind !== 'target') throw new Error(`expected a target move, got ${away.kind}`);
    expect(dot(away.delta, toward)).toBeCloseTo(-TARGET_STEP, 12);
  });

  it('the screen axes are a right-handed orthonormal frame with up on the world’s up side', () => {
    const { right, up, toward } = screenAxes(pose);
    for (const [a, b] of [
      [right, up],
      [up, toward],
      [right, toward],
    ] as const)
      expect(dot(a, b)).toBeCloseTo(0, 12);
    for (const v of [right, up, toward]) expect(Math.hypot(...v)).toBeCloseTo(1, 12);
    expect(up[1]).toBeGreaterThan(0);
  });

  it('R resets; Ctrl or Cmd keys and other keys are left alone', () => {
    expect(viewKeyAction('r', none, pose).kind).toBe('reset');
    expect(viewKeyAction('z', { ...none, ctrl: true }, pose).kind).toBe('none');
    expect(viewKeyAction('ArrowLeft', { ...none, ctrl: true }, pose).kind).toBe('none');
    expect(viewKeyAction('x', none, pose).kind).toBe('none');
  });
});

import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Box3, type BufferGeometry } from 'three';
import { describe, expect, it } from 'vitest';
import { buildCase } from '../../src/cli/medium.ts';
import { readScenario } from '../../src/cli/scenario.ts';
import { DEFAULT_ENVELOPE } from '../../src/geometry/import/envelope.ts';
import { parseCaseGlb } from '../../src/geometry/phantom.ts';
import { parsePlan } from '../../src/plan-file/parse.ts';
import { FEMUR, FIXTURES, fixture, importFemurWithLesion, session } from './imported-harness.ts';

// A plan on an imported bone is the user's work too: Save plan writes the import's choices as the plan file's mesh
// medium, which the command line makes into the same case; a link refuses it with the reason.

const triangles = (g: BufferGeometry) => (g.index?.count ?? g.getAttribute('position').count) / 3;

async function femurPlan() {
  const s = session();
  expect(await s.controller.loadCase('femur-shaft')).toBe(true);
  const onBone = await importFemurWithLesion(s, [0.008, 0.012, 0.008]);
  const target: [number, number, number] = [onBone[0] - 0.002, onBone[1] + 0.003, onBone[2]];
  s.store.getState().setTarget(target);
  s.store
    .getState()
    .setSpots([{ id: 'spot-a', focus: [...target], acousticPower: 30, duration: 10, cooling: 5 }], 'spot-a');
  return { s, onBone, target };
}

describe('Save plan on an imported case', () => {
  it('writes the import’s choices as a mesh medium that the command line makes into the same case', async () => {
    const { s, onBone, target } = await femurPlan();
    s.io.save();
    expect(s.downloads).toHaveLength(1);
    const text = await s.downloads[0]?.blob.text();
    const file = JSON.parse(text ?? '');
    expect(file.medium).toEqual({
      type: 'mesh',
      parts: [{ file: FEMUR, unit: 'm', tissue: 'cortical_bone', label: 'bone-femur-r-opensim-converted' }],
      up: '+y',
      recentre: true,
      envelope: DEFAULT_ENVELOPE,
      lesion: { centre: onBone, radii: [0.008, 0.012, 0.008] },
    });
    expect(file.target).toEqual(target);
    expect(file.planning.spots).toHaveLength(1);
    const message = s.files.getState().message;
    expect(message?.kind).toBe('info');
    expect(message?.text).toMatch(/keep bone-femur_r-opensim-converted\.stl beside it and send them with it/);
    expect(() => parsePlan(file, ['femur-shaft'])).not.toThrow();

    // The command line on the saved file, with the mesh file beside it under the name the user gave.
    const dir = mkdtempSync(join(tmpdir(), 'fus-imported-plan-'));
    copyFileSync(fileURLToPath(new URL(FEMUR, FIXTURES)), join(dir, FEMUR));
    writeFileSync(join(dir, 'plan.json'), text ?? '');
    const cli = await buildCase(readScenario(join(dir, 'plan.json')));
    const app = await parseCaseGlb(s.glbs.get(s.store.getState().caseId) as ArrayBuffer, '');
    const cliParts = cli.state.loaded.parts;
    expect(cliParts.map((p) => p.tissue)).toEqual(app.parts.map((p) => p.tissue));
    expect(cliParts.map((p) => p.name)).toEqual(app.parts.map((p) => p.name));
    for (const [i, part] of app.parts.entries()) {
      const other = cliParts[i]?.geometry as BufferGeometry;
      expect(triangles(other), part.name).toBe(triangles(part.geometry));
      const a = new Box3().setFromBufferAttribute(part.geometry.getAttribute('position') as never);
      const b = new Box3().setFromBufferAttribute(other.getAttribute('position') as never);
      for (const k of ['x', 'y', 'z'] as const) {
        expect(Math.abs(a.min[k] - b.min[k]), `${part.name} min ${k}`).toBeLessThan(1e-9);
        expect(Math.abs(a.max[k] - b.max[k]), `${part.name} max ${k}`).toBeLessThan(1e-9);
      }
    }
    expect(cli.target).toEqual(target);
  }, 120_000);

  it('Copy link is refused with the reason: the link cannot carry the bone', async () => {
    const { s } = await femurPlan();
    await s.io.copyLink();
    expect(s.copied).toEqual([]);
    const message = s.files.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(
      /a link cannot carry the bone\. Save the plan and send the plan file with its mesh files \(bone-femur_r-opensim-converted\.stl\)/,
    );
    expect(message?.link).toBeUndefined();
  }, 120_000);
});

describe('Opening a plan on an imported bone', () => {
  async function savedPlan() {
    const { s, target } = await femurPlan();
    s.io.save();
    return { s, target, text: (await s.downloads[0]?.blob.text()) ?? '' };
  }

  it('asks for its mesh files by name, refuses a wrong name or a broken file, then makes the case and applies the plan', async () => {
    const { s, target, text } = await savedPlan();
    const other = session(undefined, 'fresh');
    expect(await other.controller.loadCase('femur-shaft')).toBe(true);
    other.store.getState().setTarget([0.001, 0.002, 0.003]);
    const before = other.store.getState();

    expect(await other.io.openText(text, 'plan.json')).toBe(false);
    let message = other.files.getState().message;
    expect(message?.needs).toEqual([FEMUR]);
    expect(message?.text).toMatch(
      /plan\.json is on an imported bone: give its mesh files \(bone-femur_r-opensim-converted\.stl\)/,
    );

    expect(await other.io.giveMeshFiles([fixture('broken-truncated-binary.stl', 'tibia.stl')])).toBe(false);
    message = other.files.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(
      /tibia\.stl is not one of this plan's files \(it needs bone-femur_r-opensim-converted\.stl\)/,
    );
    expect(message?.needs).toEqual([FEMUR]);

    expect(await other.io.giveMeshFiles([fixture('broken-truncated-binary.stl', FEMUR)])).toBe(false);
    message = other.files.getState().message;
    expect(message?.kind).toBe('error');
    expect(message?.text).toMatch(/bone-femur_r-opensim-converted\.stl: a binary STL .* truncated/);
    // Nothing already open changed.
    expect(other.store.getState().caseId).toBe('femur-shaft');
    expect(other.store.getState().target).toEqual([0.001, 0.002, 0.003]);
    expect(other.store.getState().parts).toBe(before.parts);
    expect(other.flow.state.getState().cases).toEqual([]);

    expect(await other.io.giveMeshFiles([fixture(FEMUR)])).toBe(true);
    const now = other.store.getState();
    expect(now.caseId).toMatch(/^fresh-/);
    expect(now.caseStatus).toBe('ready');
    expect(now.target).toEqual(target);
    expect(now.spots.map((p) => p.id)).toEqual(['spot-a']);
    expect(other.files.getState().message?.text).toMatch(/^Opened/);
    // The same case as the one the plan was saved on.
    const a = await parseCaseGlb(s.glbs.get(s.store.getState().caseId) as ArrayBuffer, '');
    const b = await parseCaseGlb(other.glbs.get(now.caseId) as ArrayBuffer, '');
    expect(b.parts.map((p) => [p.name, triangles(p.geometry)])).toEqual(
      a.parts.map((p) => [p.name, triangles(p.geometry)]),
    );
    // Undo brings back the defaults the case opened with: opening the plan was one step.
    other.store.temporal.getState().undo();
    expect(other.store.getState().spots).toEqual([]);
  }, 120_000);

  it('opens at once when dropped together with its files, and on a case the app already holds without asking', async () => {
    const { s, target, text } = await savedPlan();
    const other = session(undefined, 'fresh');
    expect(await other.controller.loadCase('femur-shaft')).toBe(true);
    expect(await other.io.openFile(new File([text], 'plan.json'), [fixture(FEMUR)])).toBe(true);
    expect(other.store.getState().caseId).toMatch(/^fresh-/);
    expect(other.store.getState().target).toEqual(target);

    // Where it was made: its case is known by its choices, so it opens on it (after a switch away).
    const made = s.store.getState().caseId;
    expect(await s.controller.loadCase('femur-shaft')).toBe(true);
    expect(await s.io.openText(text, 'plan.json')).toBe(true);
    expect(s.store.getState().caseId).toBe(made);
    expect(s.store.getState().spots.map((p) => p.id)).toEqual(['spot-a']);
  }, 120_000);
});

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
import { FEMUR, FIXTURES, importFemurWithLesion, session } from './imported-harness.ts';

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

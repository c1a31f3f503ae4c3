import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ImportedMesh } from '../../src/geometry/import/mesh-file.ts';
import { parseCaseGlb } from '../../src/geometry/phantom.ts';
import { buildCaseOp, placeLesionOp, readFileOp } from '../../src/worker/ops/import.ts';

// The import worker's ops: what they send the app (facts, never the triangles; a bad file as its message) and
// the case file they make from the user's choices.

const FIXTURES = new URL('../../../shared/fixtures/geometry/', import.meta.url);

function bytesOf(name: string): ArrayBuffer {
  const b = readFileSync(new URL(name, FIXTURES));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

async function read(name: string, bytes = bytesOf(name)) {
  let n = 0;
  return readFileOp(name, bytes, () => `id${++n}`);
}

describe('readFileOp', () => {
  it('sends the facts of the ASCII CRLF coccyx (2480 triangles, mm) and keeps its triangles in the worker', async () => {
    const { outcome, meshes } = await read('bone-coccyx_l-vhm-ascii-crlf.stl');
    if (!outcome.ok) throw new Error(outcome.message);
    const [part] = outcome.parts;
    expect(part).toMatchObject({ id: 'id1', triangles: 2480, format: 'stl' });
    expect(part?.unit.unit).toBe('mm');
    expect(part?.check.closed).toBe(true);
    expect(part && 'positions' in part).toBe(false);
    expect(meshes.get('id1')?.positions.length).toBe(2480 * 9);
  });

  it.each([
    ['broken-empty.obj', /^broken-empty\.obj: the file is empty$/],
    ['broken-truncated-binary.stl', /^broken-truncated-binary\.stl: .*59456.*2972884/],
  ])('answers %s with its message, nothing kept', async (name, message) => {
    const { outcome, meshes } = await read(name);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(message);
    expect(meshes.size).toBe(0);
  });

  it('answers an unsupported file and binary garbage with the file name and the reason', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251).buffer as ArrayBuffer;
    const fbx = await read('scan.fbx', garbage);
    expect(fbx.outcome.ok ? '' : fbx.outcome.message).toMatch(/^scan\.fbx: not a mesh file this app opens \(\.stl/);
    const stl = await read('noise.stl', garbage);
    expect(stl.outcome.ok ? '' : stl.outcome.message).toMatch(/^noise\.stl: /);
  });
});

describe('buildCaseOp and placeLesionOp', () => {
  it('make the millimetre tibia a case in metres, +z up, recentred, with an envelope; a lesion on its surface', async () => {
    const { outcome, meshes } = await read('bone-tibia_l-vhf-binary.stl');
    if (!outcome.ok) throw new Error(outcome.message);
    const built = buildCaseOp(
      {
        id: 'imported-t',
        title: 'Imported: tibia',
        parts: [{ id: 'id1', unit: 'mm', tissue: 'cortical_bone', label: 'tibia' }],
        up: '+z',
        recentre: true,
        envelope: { muscle: 0.01, fat: 0.005, skin: 0.002 },
      },
      meshes as Map<string, ImportedMesh>,
    );
    if (!built.outcome.ok) throw new Error(built.outcome.message);
    const loaded = await parseCaseGlb(built.outcome.glb, '');
    expect(loaded.meta.title).toBe('Imported: tibia');
    expect(loaded.meta.description).toBe('Imported from bone-tibia_l-vhf-binary.stl.');
    const bone = loaded.parts.find((p) => p.tissue === 'cortical_bone');
    bone?.geometry.computeBoundingBox();
    const box = bone?.geometry.boundingBox;
    // 335 mm long along the file's z, which is now up (+y); centred on the origin.
    expect((box?.max.y ?? 0) - (box?.min.y ?? 0)).toBeCloseTo(0.3352, 3);
    expect(((box?.max.y ?? 0) + (box?.min.y ?? 0)) / 2).toBeCloseTo(0, 3);
    expect(loaded.parts.map((p) => p.tissue)).toEqual(['cortical_bone', 'muscle', 'fat', 'skin']);

    const p = bone?.geometry.getAttribute('position');
    const onBone: [number, number, number] = [p?.getX(0) ?? 0, p?.getY(0) ?? 0, p?.getZ(0) ?? 0];
    const placed = placeLesionOp(
      { id: 'imported-u', title: 'Imported: tibia', centre: onBone, radii: [0.01, 0.01, 0.01] },
      built.built,
    );
    if (!placed.ok) throw new Error(placed.message);
    expect(placed.meta.defaultTarget[0]).toBeCloseTo(onBone[0], 3);
    expect((await parseCaseGlb(placed.glb, '')).parts.at(-1)?.name).toBe('lesion-placed');
    const off = placeLesionOp(
      { id: 'imported-v', title: 'x', centre: [1, 1, 1], radii: [0.01, 0.01, 0.01] },
      built.built,
    );
    expect(off.ok ? '' : off.message).toMatch(/^The lesion was not placed: its centre is \d+ mm from the nearest bone/);
  }, 60_000);

  it('refuses a part the worker no longer holds, and a lesion before any case', () => {
    const gone = buildCaseOp(
      { id: 'x', title: 'x', parts: [{ id: 'nope', unit: 'm', tissue: 'cortical_bone' }], up: '+y', recentre: true },
      new Map(),
    );
    expect(gone.outcome.ok ? '' : gone.outcome.message).toMatch(/no longer held by the importer/);
    const early = placeLesionOp({ id: 'x', title: 'x', centre: [0, 0, 0], radii: [0.01, 0.01, 0.01] }, undefined);
    expect(early.ok ? '' : early.message).toMatch(/import the bone first/);
  });
});

/**
 * The bundled phantoms (models/*.glb, models/catalogue.json): format contract, closed solids, anatomy plausibility,
 * beam paths, and that `npm run models` reproduces the committed bytes.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFiles } from '../../models/generate/catalogue';
import { isTissueId } from '../../src/physics/tissue-ids';
import {
  closureProblems,
  coneDirections,
  inside,
  normalAgreement,
  normalize,
  readGlb,
  type SolidPart,
  signedVolume,
  solidParts,
  tissueAt,
  tissuesAlong,
  type V3,
} from './mesh-checks';

const MODELS = join(dirname(fileURLToPath(import.meta.url)), '../../models');

interface Entry {
  id: string;
  title: string;
  description: string;
  file: string;
  default: boolean;
}
interface Meta {
  id: string;
  title: string;
  description: string;
  defaultTarget: V3;
  defaultBeamDirection: V3;
  transducerDistance?: number;
}

const catalogue = JSON.parse(readFileSync(join(MODELS, 'catalogue.json'), 'utf8')) as Entry[];
const loaded = new Map<string, { bytes: Uint8Array; meta: Meta; parts: SolidPart[] }>();
for (const entry of catalogue) {
  const bytes = new Uint8Array(readFileSync(join(MODELS, entry.file)));
  const doc = await readGlb(bytes);
  const scene = doc.getRoot().getDefaultScene() ?? doc.getRoot().listScenes()[0];
  const meta = (scene?.getExtras() as { fusPlanner?: Meta } | undefined)?.fusPlanner;
  if (!meta) throw new Error(`${entry.file}: no scene extras.fusPlanner`);
  loaded.set(entry.id, { bytes, meta, parts: solidParts(doc) });
}

function phantom(id: string) {
  const p = loaded.get(id);
  if (!p) throw new Error(`phantom ${id} missing from the catalogue`);
  return p;
}
function part(id: string, name: string): SolidPart {
  const found = phantom(id).parts.find((p) => p.name === name);
  if (!found) throw new Error(`${id}: no part named ${name}`);
  return found;
}
const size = (p: SolidPart): V3 => [p.max[0] - p.min[0], p.max[1] - p.min[1], p.max[2] - p.min[2]];
const along = (o: V3, d: V3, t: number): V3 => [o[0] + d[0] * t, o[1] + d[1] * t, o[2] + d[2] * t];
/** 12 cm aperture at 16 cm focal distance → beams within asin(0.06 / 0.16) ≈ 22° of the axis. */
const HALF_APERTURE_ANGLE = Math.asin(0.06 / 0.16);
const NAME = /^([a-z_]+)-([a-z0-9]+(?:-[a-z0-9]+)*)$|^([a-z_]+)$/;
const SOFT = new Set(['lesion', 'muscle', 'fat', 'skin', 'water']);

function beamTissues(id: string, dir: V3): string[] {
  const { meta, parts } = phantom(id);
  // Start a micrometre off the target so a target placed exactly on a surface is not counted as inside it.
  return tissuesAlong(parts, along(meta.defaultTarget, dir, 1e-6), dir, meta.transducerDistance ?? 0.16);
}

describe('catalogue.json', () => {
  it('lists the four phantoms with femur-shaft as the only default', () => {
    expect(catalogue.map((e) => e.id)).toEqual(['femur-shaft', 'iliac-wing', 'rib', 'bone-plate-validation']);
    expect(catalogue.filter((e) => e.default).map((e) => e.id)).toEqual(['femur-shaft']);
    for (const e of catalogue) {
      expect(e.file).toBe(`${e.id}.glb`);
      expect(e.title.length).toBeGreaterThan(3);
      // One sentence of what the case holds, and for a case that fails on purpose a second saying it is a lesson.
      expect(e.description).toMatch(/^[A-Z][^.!?]*\.( A lesson by design: [^.!?]*\.)?$/);
    }
  });
});

describe.each(catalogue.map((e) => e.id))('%s', (id) => {
  it('is a small GLB whose scene carries the planner metadata', () => {
    const { bytes, meta } = phantom(id);
    expect(bytes.byteLength).toBeLessThan(400 * 1024);
    expect(meta.id).toBe(id);
    const entry = catalogue.find((e) => e.id === id);
    expect(meta.title).toBe(entry?.title);
    expect(meta.description).toBe(entry?.description);
    expect(meta.defaultTarget).toHaveLength(3);
    for (const x of meta.defaultTarget) expect(Number.isFinite(x)).toBe(true);
    expect(Math.hypot(...meta.defaultBeamDirection)).toBeCloseTo(1, 9);
    expect(meta.transducerDistance ?? 0.16).toBeGreaterThan(0.05);
  });

  it('names every part <tissue>[-<label>] with matching extras and no node transform', () => {
    const { parts } = phantom(id);
    expect(parts.length).toBeGreaterThan(0);
    for (const p of parts) {
      const m = NAME.exec(p.name);
      expect(m, p.name).not.toBeNull();
      const tissue = m?.[1] ?? m?.[3] ?? '';
      expect(isTissueId(tissue), `${p.name}: unknown tissue ${tissue}`).toBe(true);
      expect(p.extras.tissue).toBe(tissue);
      expect(p.extras.label).toBe(m?.[2] ?? '');
      expect(p.hasTransform, p.name).toBe(false);
    }
    expect(new Set(parts.map((p) => p.name)).size).toBe(parts.length);
  });

  it('makes every part a closed, 2-manifold, outward-wound solid with outward normals', () => {
    for (const p of phantom(id).parts) {
      expect(closureProblems(p), p.name).toEqual([]);
      expect(signedVolume(p), p.name).toBeGreaterThan(0);
      expect(normalAgreement(p), p.name).toBeGreaterThan(0.99);
    }
  });

  it('is sized in metres', () => {
    for (const p of phantom(id).parts) {
      const s = size(p);
      expect(Math.max(...s), p.name).toBeLessThan(0.5);
      expect(Math.min(...s), p.name).toBeGreaterThan(0.001);
    }
  });

  it('has a central beam path through soft tissue only', () => {
    const seq = beamTissues(id, phantom(id).meta.defaultBeamDirection);
    expect(seq.filter((t) => !SOFT.has(t))).toEqual([]);
    expect(seq[seq.length - 1]).toBe('water');
  });

  it('leaves room for the transducer: every beam of a 12 cm aperture is in water at the transducer', () => {
    const { meta, parts } = phantom(id);
    const distance = meta.transducerDistance ?? 0.16;
    for (const d of coneDirections(meta.defaultBeamDirection, HALF_APERTURE_ANGLE, 2, 12))
      expect(tissueAt(parts, along(meta.defaultTarget, d, distance)), d.join(',')).toBe('water');
  });
});

describe('femur-shaft', () => {
  const F = 'femur-shaft';
  const byTissue = (t: string) => phantom(F).parts.filter((p) => p.tissue === t);

  it('has skin, fat, muscle, cortical bone, marrow, lesion and nerve', () => {
    for (const t of ['skin', 'fat', 'muscle', 'cortical_bone', 'marrow', 'lesion', 'nerve'])
      expect(byTissue(t).length, t).toBeGreaterThan(0);
  });

  it('has plausible thigh, femur, nerve and lesion sizes', () => {
    const skin = size(part(F, 'skin-thigh'));
    expect(skin[0]).toBeGreaterThan(0.12);
    expect(skin[0]).toBeLessThan(0.2);
    expect(skin[1]).toBeGreaterThan(0.12);
    expect(skin[1]).toBeLessThan(0.2);
    expect(skin[2]).toBeGreaterThanOrEqual(0.2);
    expect(skin[2]).toBeLessThanOrEqual(0.25);
    const bone = size(part(F, 'cortical_bone-femur'));
    expect(bone[0]).toBeGreaterThan(0.024);
    expect(bone[0]).toBeLessThan(0.032);
    const canal = size(part(F, 'marrow-femoral-canal'));
    const cortex = (bone[0] - canal[0]) / 2;
    expect(cortex).toBeGreaterThan(0.004);
    expect(cortex).toBeLessThan(0.007);
    const nerve = size(part(F, 'nerve-sciatic'));
    expect(nerve[0]).toBeGreaterThan(0.008);
    expect(nerve[0]).toBeLessThan(0.0101);
    const lesion = size(part(F, 'lesion-osteolytic'));
    expect(Math.max(...lesion)).toBeGreaterThan(0.02);
    expect(Math.max(...lesion)).toBeLessThan(0.031);
    // Subcutaneous fat 10–15 mm: skin minus muscle extents.
    const muscle = size(part(F, 'muscle-thigh'));
    const fat = (skin[0] - muscle[0]) / 2 - 0.002;
    expect(fat).toBeGreaterThan(0.0099);
    expect(fat).toBeLessThan(0.0151);
  });

  it('puts the sciatic nerve behind (posterior to) the femur', () => {
    expect(part(F, 'nerve-sciatic').max[1]).toBeLessThan(part(F, 'cortical_bone-femur').min[1]);
  });

  it('has a lesion that replaces marrow and breaks through the cortex into muscle', () => {
    const lesion = part(F, 'lesion-osteolytic');
    const bone = part(F, 'cortical_bone-femur');
    const marrow = part(F, 'marrow-femoral-canal');
    let inMarrow = 0;
    let outside = 0;
    for (let i = 0; i < lesion.welded.length / 3; i += 3) {
      const v: V3 = [lesion.welded[i * 3] ?? 0, lesion.welded[i * 3 + 1] ?? 0, lesion.welded[i * 3 + 2] ?? 0];
      if (inside(marrow, v)) inMarrow++;
      else if (
        !inside(bone, v) &&
        tissueAt(
          phantom(F).parts.filter((p) => p !== lesion),
          v,
        ) === 'muscle'
      )
        outside++;
    }
    expect(inMarrow).toBeGreaterThan(5);
    expect(outside).toBeGreaterThan(5);
  });

  it('aims inside the lesion, and every beam of a 12 cm aperture misses the femur, nerve and vessels', () => {
    const { meta, parts } = phantom(F);
    expect(inside(part(F, 'lesion-osteolytic'), meta.defaultTarget)).toBe(true);
    for (const d of coneDirections(meta.defaultBeamDirection, HALF_APERTURE_ANGLE, 2, 12)) {
      const seq = tissuesAlong(parts, meta.defaultTarget, d, 0.16);
      expect(
        seq.filter((t) => !SOFT.has(t)),
        d.join(','),
      ).toEqual([]);
    }
  });

  it('would report bone on a beam aimed through the femur (the beam check can fail)', () => {
    const { meta } = phantom(F);
    const seq = beamTissues(F, normalize([-meta.defaultBeamDirection[0], -meta.defaultBeamDirection[1], 0]));
    expect(seq).toContain('cortical_bone');
  });
});

describe('iliac-wing', () => {
  const I = 'iliac-wing';
  it('has the wing (cortical over trabecular), a lesion and a gas-filled bowel loop', () => {
    const tissues = new Set(phantom(I).parts.map((p) => p.tissue));
    for (const t of ['skin', 'fat', 'muscle', 'cortical_bone', 'trabecular_bone', 'lesion', 'bowel', 'bowel_gas'])
      expect(tissues.has(t), t).toBe(true);
    const wing = size(part(I, 'cortical_bone-iliac-wing'));
    expect(wing[2]).toBeGreaterThan(0.08);
    expect(wing[2]).toBeLessThan(0.14);
  });

  it('aims inside a lesion that breaks through the inner table', () => {
    const { meta } = phantom(I);
    const lesion = part(I, 'lesion-osteolytic');
    expect(inside(lesion, meta.defaultTarget)).toBe(true);
    const others = phantom(I).parts.filter((p) => p !== lesion);
    const found = new Set<string>();
    for (let i = 0; i < lesion.welded.length / 3; i += 2)
      found.add(
        tissueAt(others, [lesion.welded[i * 3] ?? 0, lesion.welded[i * 3 + 1] ?? 0, lesion.welded[i * 3 + 2] ?? 0]),
      );
    expect(found.has('trabecular_bone')).toBe(true);
    expect(found.has('muscle')).toBe(true);
  });

  it('puts the bowel near the beam path: the central beam is clear, some beams of a 12 cm aperture cross bowel', () => {
    const { meta, parts } = phantom(I);
    const dirs = coneDirections(meta.defaultBeamDirection, HALF_APERTURE_ANGLE, 3, 16);
    const crossing = dirs.filter((d) => {
      const seq = tissuesAlong(parts, meta.defaultTarget, d, 0.16);
      return seq.includes('bowel') || seq.includes('bowel_gas');
    });
    expect(crossing.length).toBeGreaterThan(0);
    expect(crossing.length).toBeLessThan(dirs.length / 3);
  });
});

describe('rib', () => {
  const R = 'rib';
  it('has ribs with marrow, a lesion, the intercostal nerve and lung', () => {
    const tissues = new Set(phantom(R).parts.map((p) => p.tissue));
    for (const t of ['skin', 'fat', 'muscle', 'cortical_bone', 'marrow', 'lesion', 'nerve', 'lung'])
      expect(tissues.has(t), t).toBe(true);
    const rib = size(part(R, 'cortical_bone-rib-middle'));
    expect(rib[2]).toBeGreaterThan(0.012);
    expect(rib[2]).toBeLessThan(0.02);
  });

  it('aims inside the lesion with the lung directly behind the rib', () => {
    const { meta, parts } = phantom(R);
    expect(inside(part(R, 'lesion-osteolytic'), meta.defaultTarget)).toBe(true);
    const d = meta.defaultBeamDirection;
    const deep = tissuesAlong(parts, meta.defaultTarget, [-d[0], -d[1], -d[2]], 0.01);
    expect(deep[0]).toBe('lesion');
    expect(deep).toContain('lung');
  });

  it('keeps every beam of a 12 cm aperture off the ribs, nerve and lung', () => {
    const { meta, parts } = phantom(R);
    for (const d of coneDirections(meta.defaultBeamDirection, HALF_APERTURE_ANGLE, 2, 12)) {
      const seq = tissuesAlong(parts, meta.defaultTarget, d, 0.16);
      expect(
        seq.filter((t) => !SOFT.has(t)),
        d.join(','),
      ).toEqual([]);
    }
  });
});

describe('bone-plate-validation', () => {
  const V = 'bone-plate-validation';
  it('targets the centre of the plate surface facing the transducer, inside the bath', () => {
    const { meta } = phantom(V);
    const plate = part(V, 'cortical_bone-plate');
    const bath = part(V, 'water-bath');
    expect(size(plate)[0]).toBeCloseTo(0.005, 6);
    expect(size(plate)[1]).toBeCloseTo(0.06, 6);
    const t = meta.defaultTarget;
    const d = meta.defaultBeamDirection;
    expect(d).toEqual([-1, 0, 0]);
    expect(t[0]).toBeCloseTo(plate.min[0], 6);
    expect(t[1]).toBeCloseTo((plate.min[1] + plate.max[1]) / 2, 6);
    expect(t[2]).toBeCloseTo((plate.min[2] + plate.max[2]) / 2, 6);
    const transducer = along(t, d, meta.transducerDistance ?? 0.16);
    for (let k = 0; k < 3; k++) {
      expect(transducer[k]).toBeGreaterThan(bath.min[k] ?? 0);
      expect(transducer[k]).toBeLessThan(bath.max[k] ?? 0);
    }
    expect(tissueAt(phantom(V).parts, along(t, d, -0.002))).toBe('cortical_bone');
  });
});

describe('generator', () => {
  it('reproduces the committed files byte for byte', async () => {
    const files = await generateFiles();
    expect([...files.keys()].sort()).toEqual([...catalogue.map((e) => e.file), 'catalogue.json'].sort());
    for (const [name, bytes] of files) {
      const onDisk = new Uint8Array(readFileSync(join(MODELS, name)));
      expect(Buffer.compare(Buffer.from(bytes), Buffer.from(onDisk)), `${name} differs: run npm run models`).toBe(0);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../src/geometry/import/import-error.ts';
import { importMeshFile } from '../../../src/geometry/import/mesh-file.ts';

// Random and truncated bytes into every reader (issue 12): the importer answers with parts or an ImportError naming
// the file, never another error and never a hang (each case is bounded by the test timeout).

const FIXTURES = new URL('../../../../shared/fixtures/geometry/', import.meta.url);
const files = readdirSync(FIXTURES).filter((f) => !f.endsWith('.md') && !f.startsWith('broken-'));
const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(new URL(file, FIXTURES)));

async function answers(name: string, bytes: Uint8Array): Promise<void> {
  const buffer = bytes.slice().buffer as ArrayBuffer;
  try {
    const parts = await importMeshFile(name, buffer);
    for (const part of parts) {
      expect(part.triangles).toBeGreaterThan(0);
      for (const v of part.min) expect(Number.isFinite(v)).toBe(true);
    }
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message.startsWith(`${name}: `)).toBe(true);
  }
}

const EXTENSIONS = ['.stl', '.obj', '.ply', '.glb', '.gltf', '.nii', '.nii.gz', '.xyz', ''];

describe('bytes the importer did not expect', () => {
  it('random bytes under every extension (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...EXTENSIONS), fc.uint8Array({ maxLength: 2048 }), (ext, bytes) =>
        answers(`random${ext}`, bytes),
      ),
      { numRuns: 400 },
    );
  });

  it('text that looks like each format but is not (fast-check)', async () => {
    const heads = ['solid x\n', 'ply\nformat ascii 1.0\n', 'v 1 2 3\nf 1 2 ', '{"asset":{"version":"2.0"},', 'glTF'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...heads),
        fc.constantFrom(...EXTENSIONS),
        fc.string({ maxLength: 400 }),
        (head, ext, tail) => answers(`crafted${ext}`, new TextEncoder().encode(head + tail)),
      ),
      { numRuns: 400 },
    );
  });

  it.each(files)('%s cut at random lengths (fast-check)', async (file) => {
    const whole = bytesOf(file);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: whole.length - 1 }), (cut) => answers(file, whole.subarray(0, cut))),
      { numRuns: 40 },
    );
  });
});

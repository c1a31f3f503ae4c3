import { MeshLambertMaterial, MeshStandardMaterial } from 'three';
import { describe, expect, it } from 'vitest';
import { litMaterial } from '../../src/scene/lit-material.ts';

// A software rasteriser spends the frame in fragment shaders: matte surfaces take the cheaper Lambert shader there,
// the physically based one on a GPU, with the same colour, opacity and sides.
describe('a matte lit surface', () => {
  const parameters = { color: '#334155', transparent: true, opacity: 0.3, depthWrite: false } as const;

  it('is physically based on a GPU, with the roughness asked for and no metal', () => {
    const m = litMaterial(parameters, 0.75, false);
    expect(m).toBeInstanceOf(MeshStandardMaterial);
    expect((m as MeshStandardMaterial).roughness).toBe(0.75);
    expect((m as MeshStandardMaterial).metalness).toBe(0);
    expect(m.opacity).toBe(0.3);
  });

  it('is Lambert on a software rasteriser, with the same colour, opacity and depth writes', () => {
    const m = litMaterial(parameters, 0.75, true);
    expect(m).toBeInstanceOf(MeshLambertMaterial);
    expect(m.color.getHexString()).toBe(litMaterial(parameters, 0.75, false).color.getHexString());
    expect([m.transparent, m.opacity, m.depthWrite]).toEqual([true, 0.3, false]);
  });
});

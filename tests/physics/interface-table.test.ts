import { describe, expect, test } from 'vitest';
import {
  InterfaceTables,
  interfaceTable,
  LazyInterfaceTable,
  tableIndex,
} from '../../src/physics/angular-spectrum/interface-table.ts';
import { materialsAt } from '../../src/physics/angular-spectrum/materials.ts';
import { TISSUES } from '../../src/physics/tissues.ts';

const FREQUENCY = 1e6;
const [water, muscle, bone] = materialsAt(['water', 'muscle', 'cortical_bone'], TISSUES, FREQUENCY);

describe('interface tables, filled on demand', () => {
  test('a sample asked for in any order equals the fully computed table, for fluid → fluid and fluid → bone', () => {
    for (const [from, to] of [
      [water, muscle],
      [muscle, bone],
    ] as const) {
      if (!from || !to) throw new Error('missing material');
      const full = interfaceTable(from, to, FREQUENCY);
      const lazy = new LazyInterfaceTable(from, to, FREQUENCY);
      for (const cos of [0.999, 0.01, 0.5, 0.73, 0, 1, 0.5]) {
        const s = lazy.sample(tableIndex(cos));
        for (const key of ['tRe', 'tIm', 'rRe', 'rIm', 'shear', 'shearCos', 'propagates'] as const) {
          expect(lazy[key][s], `${key} at cos ${cos}`).toBe(full[key][s]);
        }
      }
    }
  });

  test('marches with the same two media and frequency share one table; another frequency gets its own', () => {
    const pair = () => materialsAt(['water', 'cortical_bone'], TISSUES, FREQUENCY);
    const a = new InterfaceTables(pair(), FREQUENCY).get(0, 1);
    const b = new InterfaceTables(pair(), FREQUENCY).get(0, 1);
    const c = new InterfaceTables(pair(), 2 * FREQUENCY).get(0, 1);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    // Normal incidence from water into bone: the fluid–solid reflection is strong and real-dominated.
    const s = c.sample(tableIndex(1));
    expect(Math.hypot(c.rRe[s] as number, c.rIm[s] as number)).toBeGreaterThan(0.5);
  });
});

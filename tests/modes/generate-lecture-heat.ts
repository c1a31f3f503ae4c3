/**
 * `npm run lecture-heat`: writes public/lecture/femur-heat.json (tests/modes/lecture-heat-compute.ts) and
 * public/lecture/femur-plan.json (tests/modes/lecture-plan-compute.ts). Run it after a change of the model, of the
 * femur default or of Cover the lesion; tests/modes/lecture-heat.test.ts and lecture-plan.test.ts fail until the
 * files are remade.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeLectureHeat } from './lecture-heat-compute.ts';
import { computeLecturePlan } from './lecture-plan-compute.ts';

function write(name: string, value: unknown): { file: string; kib: string } {
  const file = new URL(`../../public/lecture/${name}`, import.meta.url);
  const text = `${JSON.stringify(value)}\n`;
  writeFileSync(file, text);
  return { file: fileURLToPath(file), kib: (text.length / 1024).toFixed(0) };
}

let started = performance.now();
const heat = await computeLectureHeat();
const h = write('femur-heat.json', heat);
console.log(
  `femur heat: ${heat.frames.time.length} frames of ${heat.grid.nx}×${heat.grid.ny}×${heat.grid.nz} voxels, ` +
    `${h.kib} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s → ${h.file}`,
);
started = performance.now();
const plan = await computeLecturePlan();
const p = write('femur-plan.json', plan);
console.log(
  `femur plan: ${plan.spots.length} spots, ${(100 * plan.lesionCoverage).toFixed(1)} % of the lesion ablated, ` +
    `peaks ${plan.spots.map((s) => s.peakTemperature.toFixed(0)).join(', ')} °C, ${p.kib} KiB, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s → ${p.file}`,
);

/**
 * `npm run lecture-heat`: writes public/lecture/femur-heat.json (tests/modes/lecture-heat-compute.ts). Run it after a
 * change of the model or of the femur default; tests/modes/lecture-heat.test.ts fails until the file is remade.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeLectureHeat } from './lecture-heat-compute.ts';

const started = performance.now();
const heat = await computeLectureHeat();
const file = new URL('../../public/lecture/femur-heat.json', import.meta.url);
const text = `${JSON.stringify(heat)}\n`;
writeFileSync(file, text);
console.log(
  `femur heat: ${heat.frames.time.length} frames of ${heat.grid.nx}×${heat.grid.ny}×${heat.grid.nz} voxels, ` +
    `${(text.length / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s → ${fileURLToPath(file)}`,
);

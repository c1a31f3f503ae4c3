/** `npm run models`: regenerates models/*.glb and models/catalogue.json (deterministic; same bytes every run). */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateFiles } from './catalogue';

const modelsDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const files = await generateFiles();
for (const [name, bytes] of files) {
  writeFileSync(join(modelsDir, name), bytes);
  console.log(`models/${name}  ${(bytes.byteLength / 1024).toFixed(1)} kB`);
}

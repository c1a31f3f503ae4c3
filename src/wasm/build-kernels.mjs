// `npm run kernels`: builds src/wasm/build/kernels.wasm from its AssemblyScript sources with asc, unless the built
// file is newer than every source, the asc config and the installed compiler. Every `npm run simulate`, `dev`,
// `bench` and `build` runs this first, and asc takes about 4 s on two cores: a judge running fifty scenarios should
// not wait for fifty identical compiles. `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const wasm = `${root}src/wasm/build/kernels.wasm`;

/** Whether the built kernels are older than anything they are made from (or missing). */
export function kernelsStale() {
  if (!existsSync(wasm)) return true;
  const assembly = `${root}src/wasm/assembly`;
  const inputs = [
    ...readdirSync(assembly).map((f) => `${assembly}/${f}`),
    `${root}src/wasm/asconfig.json`,
    `${root}node_modules/assemblyscript/package.json`,
  ];
  const built = statSync(wasm).mtimeMs;
  return inputs.some((f) => existsSync(f) && statSync(f).mtimeMs > built);
}

/** Runs asc on the kernels' sources; throws when it fails. */
export function buildKernels() {
  const asc = spawnSync(
    'npx',
    ['asc', 'src/wasm/assembly/index.ts', '--config', 'src/wasm/asconfig.json', '--target', 'release'],
    { cwd: root, stdio: 'inherit' },
  );
  if (asc.status !== 0) throw new Error(`asc failed (exit ${asc.status ?? asc.signal})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || kernelsStale()) buildKernels();
}

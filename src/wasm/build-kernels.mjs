// `npm run kernels`: builds src/wasm/build/kernels.wasm and heat.wasm from their AssemblyScript sources with asc,
// unless the built files are newer than every source, the asc config and the installed compiler. Every `npm run simulate`, `dev`,
// `bench` and `build` runs this first, and asc takes about 4 s on two cores: a judge running fifty scenarios should
// not wait for fifty identical compiles. `--force` builds regardless.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const built = [`${root}src/wasm/build/kernels.wasm`, `${root}src/wasm/build/heat.wasm`];

/**
 * The shared-memory heat module: the Pennes step over an imported memory two threads share. Its maximum bounds
 * one thermal run's arrays (1 GiB, far above the largest grid the app allows); the address space is reserved, not
 * used.
 */
const HEAT_FLAGS = [
  ...['--runtime', 'stub', '--enable', 'simd,threads', '--importMemory', '--sharedMemory'],
  ...['--initialMemory', '2', '--maximumMemory', '16384', '-O3', '--noAssert'],
];

/** Whether the built kernels are older than anything they are made from (or missing). */
export function kernelsStale() {
  if (!built.every((f) => existsSync(f))) return true;
  const assembly = `${root}src/wasm/assembly`;
  const inputs = [
    ...readdirSync(assembly).map((f) => `${assembly}/${f}`),
    `${root}src/wasm/asconfig.json`,
    `${root}node_modules/assemblyscript/package.json`,
  ];
  const oldest = Math.min(...built.map((f) => statSync(f).mtimeMs));
  return inputs.some((f) => existsSync(f) && statSync(f).mtimeMs > oldest);
}

/** Runs asc on the kernels' sources; throws when it fails. */
export function buildKernels() {
  asc(['src/wasm/assembly/index.ts', '--config', 'src/wasm/asconfig.json', '--target', 'release']);
  asc(['src/wasm/assembly/heat.ts', ...HEAT_FLAGS, '--outFile', 'src/wasm/build/heat.wasm']);
}

function asc(args) {
  const run = spawnSync('npx', ['asc', ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`asc failed (exit ${run.status ?? run.signal})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--force') || kernelsStale()) buildKernels();
}

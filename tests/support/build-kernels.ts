import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: builds the WebAssembly kernels from source (`npm run kernels`) when they are missing or
 * older than their AssemblyScript sources, so `npx vitest` works on a fresh checkout.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const wasm = `${root}src/wasm/build/kernels.wasm`;
  const sources = `${root}src/wasm/assembly`;
  const newest = Math.max(...readdirSync(sources).map((f) => statSync(`${sources}/${f}`).mtimeMs));
  if (existsSync(wasm) && statSync(wasm).mtimeMs >= newest) return;
  execFileSync('npm', ['run', '-s', 'kernels'], { cwd: root, stdio: 'inherit' });
}

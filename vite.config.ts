import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation: the page may then share memory with its workers (SharedArrayBuffer), so a cancel stops a
 * computation without ending its worker (src/worker/stop-word.ts). Everything the app loads is its own, so
 * require-corp blocks nothing. A static host needs the same two headers (public/_headers; README, "Hosting").
 */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The bundled phantoms (models/*.glb) are imported with `?url`; keep them as files, never inlined as base64.
  assetsInclude: ['**/*.glb'],
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2500, assetsInlineLimit: 0 },
  // Pre-bundle the heavy dependencies up front so the dev server does not reload mid-session.
  optimizeDeps: {
    include: [
      'mathjs',
      'comlink',
      'three',
      'react',
      'react-dom/client',
      '@react-three/fiber',
      '@react-three/drei',
      'zustand',
      'three-mesh-bvh',
      'valibot',
    ],
  },
  server: { port: 5173, headers: isolation },
  preview: { port: 4173, strictPort: true, headers: isolation },
  test: {
    // One Node project: physics, geometry, worker ops, state and the phantoms all run without a browser.
    // The real-browser checks live in tests/e2e and run under Playwright.
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // Files share their worker's modules (no re-import per file): the engine's module graph took a third of the run
    // to load again for every file (measured: 240 s → 155 s for the whole suite on two cores). Tests keep no state
    // in modules beyond the installed kernels (every file installs the same ones) and pure memo caches.
    isolate: false,
    // One test worker per core: vitest's default in a run leaves one core to its own main process, which is mostly idle
    // here, so on two cores the files ran one at a time (measured on the 2-core machine, quiet: golden, modes, app and
    // cli files 62 s → 48 s).
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    // The WebAssembly kernels are built from source before the run and installed in every test file.
    globalSetup: ['tests/support/build-kernels.ts'],
    setupFiles: ['tests/support/use-kernels.ts'],
    benchmark: { include: ['tests/**/*.bench.ts'] },
  },
});

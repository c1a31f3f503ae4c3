import { defineConfig } from '@playwright/test';

const isCI = Boolean(process.env.CI);
// tests/run-all.mjs resolves the browser (CHROMIUM_PATH → /usr/bin/chromium → Playwright's own) and passes it in.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// WebGL runs on SwiftShader (ANGLE/Vulkan) under --disable-gpu: no GPU needed. Do not pass --user-data-dir:
// Playwright refuses it and already uses a fresh profile.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-swiftshader',
];

const PORT = 4173;

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright wipes its outputDir at start; keep it apart from vitest's report.
  outputDir: 'test-results/playwright',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  forbidOnly: isCI,
  retries: 0,
  // Two browsers at once: most of a test is the app's own work (sonications in its worker pool, software WebGL), and
  // two at a time finish the suite about 1.4× sooner on two cores than one (measured on the panel specs). Every
  // test has its own browser context (storage included), so none depends on another.
  workers: 2,
  // Tests and serial groups are handed out one at a time, not whole files: a long file no longer decides which worker
  // finishes last.
  fullyParallel: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  },
  projects: [
    { name: 'app', testIgnore: /gpu-field\.spec\.ts$/ },
    {
      // WebGPU only for the GPU kernel's spec (SwiftShader's software adapter on a secure origin), so the app's
      // specs keep exactly the browser they always had (no adapter: the CPU path).
      name: 'gpu',
      testMatch: /gpu-field\.spec\.ts$/,
      use: { launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, '--enable-unsafe-webgpu'] } },
    },
  ],
  webServer: {
    // Serves the production build (dist/): tests/run-all.mjs builds it first.
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !isCI,
    timeout: 120_000,
  },
});

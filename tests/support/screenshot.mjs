// Regenerates the README screenshot: serves the production build, sonicates the default case in headless
// Chromium and saves public/screenshot.png. Usage: npm run build && node tests/support/screenshot.mjs
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { findChromium } from './find-chromium.mjs';

const PORT = 4174;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
  stdio: 'ignore',
});
try {
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--disable-background-networking',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.getByTestId('beam-counts').waitFor({ timeout: 30_000 });
  await page.getByTestId('sonicate').click();
  await page.locator('[data-testid=run-status][data-status=done]').waitFor({ timeout: 90_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'public/screenshot.png' });
  await browser.close();
  console.log('saved public/screenshot.png');
} finally {
  server.kill();
}

// Finds a Chromium for the browser tests, in the order the README promises:
// $CHROMIUM_PATH, then Debian's /usr/bin/chromium, then a browser Playwright downloaded itself.
// Where none exists and we are root on Debian, installs Debian's `chromium` package (Playwright's own
// download cannot reach its CDN on these machines); otherwise stops with a message saying how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function playwrightsOwnChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && isExecutable(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function isDebian() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /^ID(_LIKE)?=.*debian/m.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

function installDebianChromium() {
  console.log('== no Chromium found: installing Debian\'s "chromium" package with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
}

/** @returns {Promise<string>} an executable Chromium path; exits the process with a message when there is none. */
export async function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    console.error(`CHROMIUM_PATH is set to "${fromEnv}", which is not an executable file.`);
    process.exit(2);
  }
  if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  const own = await playwrightsOwnChromium();
  if (own) return own;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && isDebian()) {
    installDebianChromium();
    if (isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  }
  console.error(
    [
      'No Chromium found for the browser tests.',
      'Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install chromium   (then re-run npm test)',
      '  - any system:    set CHROMIUM_PATH=/path/to/chromium-or-chrome',
      '  - Playwright:    npx playwright install chromium',
    ].join('\n'),
  );
  process.exit(2);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = await findChromium();
  const version = spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`${path} ${version}`);
}

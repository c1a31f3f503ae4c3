import { type BrowserContextOptions, expect, type Locator, type Page, test } from '@playwright/test';
import { axeFindings } from './fixtures/axe.ts';
import { collectConsoleErrors } from './fixtures/console-errors.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The lecture as an educator meets it: its regions, its step counter and its 3D view. */
class LecturePage {
  readonly consoleErrors: string[];

  constructor(readonly page: Page) {
    this.consoleErrors = collectConsoleErrors(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/?mode=lecture');
    await expect(this.heading).toHaveText('A painful lesion in the bone', { timeout: 30_000 });
  }
  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  get count(): Locator {
    return this.page.locator('.lecture-count');
  }
  get regions(): Record<string, Locator> {
    return {
      header: this.page.locator('.lecture-header'),
      view: this.page.locator('.lecture-view'),
      text: this.page.locator('.lecture-text'),
      nav: this.page.locator('.lecture-nav'),
    };
  }
  async total(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    return Number(/of (\d+)/.exec(text)?.[1]);
  }
  /**
   * The 3D view's pixels: how many are not its near-black background, and the share in the lesion's magenta (the
   * patient spec's pictureFit counts them alike).
   */
  private async pixels(): Promise<{ lit: number; lesionShare: number; ablation: number; marks: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('.lecture-view canvas') as HTMLCanvasElement | null;
      const none = { lit: 0, lesionShare: 0, ablation: 0, marks: 0 };
      if (!canvas || canvas.width === 0) return none;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return none;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let lit = 0;
      let lesion = 0;
      let ablation = 0;
      let marks = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i] ?? 0;
        const g = d[i + 1] ?? 0;
        const b = d[i + 2] ?? 0;
        if (r + g + b > 150) lit++;
        if (r > 150 && b > 110 && g < 0.7 * r && g < b) lesion++;
        // The ablation zone's lit gold (ABLATION_SURFACE_RGB, about 215,180,65): the ivory bone is paler, the nerve's
        // yellow has almost no blue.
        if (r > 200 && g > 150 && g < 235 && b > 0.28 * g && b < 0.55 * g) ablation++;
        // The treated spots' marks, in the beams' cyan (about 173,217,225).
        if (b > 200 && g > 190 && b - r > 35) marks++;
      }
      return { lit, lesionShare: lesion / (copy.width * copy.height), ablation, marks };
    });
  }
  /** Pixels of the 3D view that are not its near-black background. */
  async litPixels(): Promise<number> {
    return (await this.pixels()).lit;
  }
  /** Pixels of the 3D view in the ablation zone's orange and in the spot marks' cyan. */
  async treatedPixels(): Promise<{ ablation: number; marks: number }> {
    const { ablation, marks } = await this.pixels();
    return { ablation, marks };
  }
  /** The share of the 3D view's pixels in the lesion's magenta. */
  async lesionShare(): Promise<number> {
    return (await this.pixels()).lesionShare;
  }
  /**
   * Step 1's view shows the lesion its words point to: turned toward it, its magenta covers 0.64–0.72 % of the canvas
   * at 390×844, 1280×800 and 1920×1080; seen from the side, with the bone in front of most of it, 0.16–0.18 %.
   */
  async expectLesionShown(): Promise<void> {
    await expect.poll(() => this.lesionShare(), { timeout: 30_000 }).toBeGreaterThan(0.0045);
  }
  async axeSeriousOrCritical(): Promise<string[]> {
    return (await axeFindings(this.page)).serious;
  }
}

/** One lecture page for the tests of a describe block, run in order (serial): a page load is much of a test's cost. */
function lectureForGroup(options: BrowserContextOptions): { page: Page; app: LecturePage } {
  const shared = {} as { page: Page; app: LecturePage };
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }, testInfo) => {
    const { baseURL } = testInfo.project.use;
    // A context of its own (as each test's page has), not browser.newPage(): axe's builder refuses such pages.
    const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), ...options });
    shared.page = await context.newPage();
    shared.app = new LecturePage(shared.page);
    await shared.app.open();
  });
  test.afterAll(() => shared.page.context().close());
  return shared;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5 ? w * h : 0;
}

/** The regions inside the window, none over another, and the Next button on screen. */
async function expectCleanLayout(app: LecturePage, width: number, height: number): Promise<void> {
  const boxes: Record<string, Box> = {};
  for (const [name, locator] of Object.entries(app.regions)) {
    const box = await locator.boundingBox();
    expect(box, name).not.toBeNull();
    if (!box) continue;
    boxes[name] = box;
    expect(box.x, name).toBeGreaterThanOrEqual(-0.5);
    expect(box.y, name).toBeGreaterThanOrEqual(-0.5);
    expect(box.x + box.width, name).toBeLessThanOrEqual(width + 0.5);
    expect(box.y + box.height, name).toBeLessThanOrEqual(height + 0.5);
  }
  const names = Object.keys(boxes);
  for (const [i, a] of names.entries()) {
    for (const b of names.slice(i + 1)) expect(overlap(boxes[a] as Box, boxes[b] as Box), `${a} overlaps ${b}`).toBe(0);
  }
  // The view takes most of the screen.
  const view = boxes.view as Box;
  expect(view.width * view.height).toBeGreaterThan(0.35 * width * height);
  // The text block does not overflow its region (nothing hidden behind a scrollbar at these sizes).
  const overflow = await app.page.locator('.lecture-text').evaluate((el) => el.scrollHeight - el.clientHeight);
  expect(overflow).toBeLessThanOrEqual(1);
}

async function fontPx(locator: Locator): Promise<number> {
  return locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}

// Both on one page, in order: the keyboard's walk ends on the first step, where the buttons' check starts.
test.describe('lecture mode at 1920×1080', () => {
  const group = lectureForGroup({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });

  test('steps through the whole lecture by keyboard and back, large type, a drawn view, no errors, axe clean', async () => {
    const { page, app } = group;
    const total = await app.total();
    expect(total).toBe(8);
    expect(await fontPx(page.locator('.lecture-body'))).toBeGreaterThanOrEqual(28);
    expect(await fontPx(app.heading)).toBeGreaterThan(40);
    await expect.poll(() => app.litPixels(), { timeout: 30_000 }).toBeGreaterThan(5000);
    await app.expectLesionShown();
    await expectCleanLayout(app, 1920, 1080);
    await page.screenshot({ path: test.info().outputPath('lecture-1920-first.png') });

    // Forward with every key a presenter uses: arrows, a clicker's PageDown, Space.
    const keys = ['ArrowRight', 'PageDown', ' '];
    const titles = [await app.heading.textContent()];
    for (let i = 1; i < total; i++) {
      await page.keyboard.press(keys[i % keys.length] as string);
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      titles.push(await app.heading.textContent());
      expect(await fontPx(page.locator('.lecture-body'))).toBeGreaterThanOrEqual(28);
      if (i === 4) {
        // The heat step: the engine's own numbers under the view, once the precomputed run is in.
        await expect(page.locator('.lecture-caption')).toContainText('74.8 °C');
        await expect.poll(() => app.litPixels(), { timeout: 30_000 }).toBeGreaterThan(5000);
        await page.screenshot({ path: test.info().outputPath('lecture-1920-heat.png') });
      }
      if (i === 5) await expect(page.locator('.lecture-caption')).toContainText('240 CEM43');
      // The spots step plays a simulated plan and says what ran and how much of the lesion it ablated.
      if (i === 6) {
        await expect(page.locator('.lecture-caption')).toContainText('Simulated plan:');
        await expect(page.locator('.lecture-caption')).toContainText(
          /After spot \d+ of \d+: \d+ % of the lesion ablated/,
        );
      }
    }
    expect(new Set(titles).size).toBe(total);
    await expect(app.heading).toHaveText('Relief in days');
    await expect(page).toHaveURL(/#relief$/);
    // Past the last step nothing moves.
    await page.keyboard.press('ArrowRight');
    await expect(app.count).toHaveText(`Step ${total} of ${total}`);
    await expectCleanLayout(app, 1920, 1080);
    expect(await app.axeSeriousOrCritical()).toEqual([]);

    // And back with the other keys, to the first step.
    const backKeys = ['ArrowLeft', 'PageUp'];
    for (let i = total - 2; i >= 0; i--) {
      await page.keyboard.press(backKeys[i % backKeys.length] as string);
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      await expect(app.heading).toHaveText(titles[i] as string);
    }
    await expect(page.getByRole('button', { name: /Back$/ })).toBeDisabled();
    // The mode menu is there, with the lecture marked as the current page.
    await expect(
      page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Lecture' }),
    ).toHaveAttribute('aria-current', 'page');
    expect(app.consoleErrors).toEqual([]);
  });

  test('the on-screen buttons and a reload keep the place; reduced motion gives still frames', async () => {
    const { page, app } = group;
    // Reduced motion from here on: the reload below opens the lecture with it.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect(app.count).toHaveText('Step 1 of 8');
    await page.getByRole('button', { name: /^Next/ }).click();
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(app.count).toHaveText('Step 3 of 8');
    await page.reload();
    await expect(app.count).toHaveText('Step 3 of 8');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(app.heading).toHaveText('The dose zone reaches the bone');
    // A still frame: the end of the run, said under the view.
    await expect(page.locator('.lecture-caption')).toContainText('t = 50 s');
    expect(app.consoleErrors).toEqual([]);
  });
});

// What the walk found at 1920×1080: a picture that did not show what its caption said, an address that did not follow
// the step, surfaces without a key, and a black view while the model loaded.
test.describe('lecture mode at 1920×1080: picture, address and key', () => {
  test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });

  test('says it is loading the model until the first picture is drawn', async ({ page }) => {
    // The femur's file held back a moment, as a slow network or a busy machine does.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/*.glb', async (route) => {
      await held;
      await route.continue();
    });
    const app = new LecturePage(page);
    await page.goto('/?mode=lecture');
    const loading = page.locator('.lecture-loading');
    await expect(loading).toHaveText('Loading the model…', { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('lecture-1920-loading.png') });
    release();
    await expect.poll(() => app.litPixels(), { timeout: 30_000 }).toBeGreaterThan(5000);
    await expect(loading).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the relief step shows the treated spots and the ablation zone its caption names', async ({ page }) => {
    await page.goto('/?mode=lecture#relief');
    const app = new LecturePage(page);
    await expect(app.heading).toHaveText('Relief in days', { timeout: 30_000 });
    await expect(page.locator('.lecture-caption')).toContainText(/29 treated spots over the lesion/);
    // Measured on a 700×526 canvas (software WebGL's resolution): 5 047 gold and 848 cyan pixels turned toward the
    // lesion; 60 and 0 from the side with the bone opaque (the old picture).
    await expect.poll(async () => (await app.treatedPixels()).ablation, { timeout: 30_000 }).toBeGreaterThan(1500);
    await expect.poll(async () => (await app.treatedPixels()).marks, { timeout: 30_000 }).toBeGreaterThan(150);
    await page.screenshot({ path: test.info().outputPath('lecture-1920-relief.png') });
    expect(app.consoleErrors).toEqual([]);
  });

  test('the heat step keys its three surfaces by temperature, in colours apart', async ({ page }) => {
    await page.goto('/?mode=lecture#heat');
    const app = new LecturePage(page);
    await expect(app.heading).toHaveText('The heat builds at the bone', { timeout: 30_000 });
    const key = page.locator('.lecture-key');
    await expect(key).toBeVisible({ timeout: 30_000 });
    await expect(key.locator('.lecture-key-item')).toHaveText(['45 °C', '55 °C', '65 °C']);
    const colours = await key
      .locator('.lecture-key-swatch')
      .evaluateAll((els) =>
        els.map((el) => (getComputedStyle(el).backgroundColor.match(/\d+/g) ?? []).slice(0, 3).map(Number)),
      );
    expect(colours).toHaveLength(3);
    // Every pair well apart (the old surfaces were three pinks).
    for (const [i, a] of colours.entries()) {
      for (const b of colours.slice(i + 1)) {
        const distance = Math.hypot(...a.map((v, k) => v - (b[k] ?? 0)));
        expect(distance).toBeGreaterThan(60);
      }
    }
    await page.screenshot({ path: test.info().outputPath('lecture-1920-heat-key.png') });
    // The key belongs to the heat step alone.
    await page.keyboard.press('ArrowRight');
    await expect(app.heading).toHaveText('The dose zone reaches the bone');
    await expect(key).toHaveCount(0);
    expect(app.consoleErrors).toEqual([]);
  });

  test('the address follows the step: a typed fragment shows its step, Back and Forward walk the steps', async ({
    page,
  }) => {
    const app = new LecturePage(page);
    await app.open();
    await expect(page).toHaveURL(/#lesion$/);
    for (let i = 1; i <= 3; i++) await page.keyboard.press('ArrowRight');
    await expect(app.heading).toHaveText('The beams converge');
    await expect(page).toHaveURL(/#converge$/);
    // A fragment typed into the address bar (or a link to one) shows that step.
    await page.evaluate(() => {
      window.location.hash = '#relief';
    });
    await expect(app.heading).toHaveText('Relief in days');
    await expect(app.count).toHaveText('Step 8 of 8');
    // Back returns to the step shown before, then through the steps turned, one by one.
    await page.goBack();
    await expect(app.heading).toHaveText('The beams converge');
    await page.goBack();
    await expect(app.heading).toHaveText('Through the skin, harmlessly');
    await expect(page).toHaveURL(/#skin$/);
    await page.goForward();
    await expect(app.heading).toHaveText('The beams converge');
    // Keys still turn the page from a step reached by Back, and the on-screen button too.
    await page.keyboard.press('ArrowLeft');
    await expect(app.heading).toHaveText('Through the skin, harmlessly');
    await page.getByRole('button', { name: /^Next/ }).click();
    await expect(app.heading).toHaveText('The beams converge');
    // Back walks every page turned, back to the first step (a turn after Back drops the steps ahead, as links do).
    for (const title of [
      'Through the skin, harmlessly',
      'The beams converge',
      'Through the skin, harmlessly',
      'The transducer and its beams',
      'A painful lesion in the bone',
    ]) {
      await page.goBack();
      await expect(app.heading).toHaveText(title);
    }
    await expect(page).toHaveURL(/#lesion$/);
    // The first load left no entry of its own: one more Back leaves the lecture.
    await page.goBack();
    await expect(page).not.toHaveURL(/mode=lecture/);
    expect(app.consoleErrors).toEqual([]);
  });
});

test.describe('lecture mode at 1024×768', () => {
  test.use({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });

  test('no region overlaps another on any step', async ({ page }) => {
    const app = new LecturePage(page);
    await app.open();
    const total = await app.total();
    for (let i = 0; i < total; i++) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      await expectCleanLayout(app, 1024, 768);
    }
    await page.screenshot({ path: test.info().outputPath('lecture-1024-last.png') });
    expect(app.consoleErrors).toEqual([]);
  });
});

/**
 * The header on a phone: the name and the full-screen button on one line, the modes on the next, nothing wrapped
 * inside itself (it broke 'FUS Planner · lecture' and 'Full screen' over two lines each, the modes over two rows).
 */
async function expectTidyHeader(page: Page): Promise<void> {
  const header = page.locator('.lecture-header');
  const lineBox = async (locator: Locator) => {
    const box = await locator.boundingBox();
    expect(box).not.toBeNull();
    const lineHeight = await locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    return { box: box as Box, lineHeight };
  };
  const brand = await lineBox(header.locator('.lecture-brand'));
  const button = await lineBox(header.locator('.lecture-fullscreen'));
  // One line of text each (the button's padding and border round it).
  expect(brand.box.height).toBeLessThan(1.5 * brand.lineHeight);
  expect(button.box.height).toBeLessThan(2.2 * button.lineHeight);
  const middle = (b: Box) => b.y + b.height / 2;
  expect(Math.abs(middle(brand.box) - middle(button.box))).toBeLessThanOrEqual(4);
  // The modes in one row under them.
  const links = header.locator('.lecture-modes a');
  const tops = new Set<number>();
  for (const box of await Promise.all((await links.all()).map((l) => l.boundingBox()))) {
    expect(box).not.toBeNull();
    if (box) {
      tops.add(Math.round(box.y));
      expect(box.y).toBeGreaterThanOrEqual(brand.box.y + brand.box.height - 1);
    }
  }
  expect(tops.size).toBe(1);
}

// The whole lecture on one page, then a smaller phone by resizing it (a page load is much of a test's cost).
test.describe('lecture mode on a phone (390×844, touch)', () => {
  const group = lectureForGroup({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });

  test('every step shows its words whole under the view, with a tidy two-line header; Next by tapping', async () => {
    const { page, app } = group;
    const total = await app.total();
    await expect.poll(() => app.litPixels(), { timeout: 30_000 }).toBeGreaterThan(2000);
    await app.expectLesionShown();
    await expectTidyHeader(page);
    expect(await fontPx(page.locator('.lecture-body'))).toBeGreaterThanOrEqual(20);
    for (let i = 0; i < total; i++) {
      if (i > 0) await page.getByRole('button', { name: /^Next/ }).tap();
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      // The regions apart, the view a large share, and no words hidden in a scroll (expectCleanLayout).
      await expectCleanLayout(app, 390, 844);
      if (i === 0 || i === 6 || i === total - 1) {
        await page.screenshot({ path: test.info().outputPath(`lecture-390-step-${i + 1}.png`) });
      }
    }
    expect(app.consoleErrors).toEqual([]);
  });

  test('on a smaller phone (360×640) the words that do not fit scroll under a fade, from the top at each step', async () => {
    const { page, app } = group;
    await page.setViewportSize({ width: 360, height: 640 });
    await page.keyboard.press('Home');
    await expect(app.count).toHaveText(/^Step 1 of/);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await expect(app.heading).toHaveText('Spot by spot, the ablation zone grows');
    await expectTidyHeader(page);
    const text = page.locator('.lecture-text');
    const more = () => text.evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(await more()).toBeGreaterThan(20);
    // The cue: a fade held at the foot of the words' box while more follows.
    const fade = await text.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return { position: after.position, image: after.backgroundImage, height: Number.parseFloat(after.height) };
    });
    expect(fade.position).toBe('sticky');
    expect(fade.image).toContain('gradient');
    expect(fade.height).toBeGreaterThan(10);
    await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await page.keyboard.press('ArrowRight');
    await expect(app.count).toHaveText(/^Step 8 of/);
    await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBe(0);
    await page.screenshot({ path: test.info().outputPath('lecture-360-step-8.png') });
    expect(app.consoleErrors).toEqual([]);
  });
});

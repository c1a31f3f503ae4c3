import { type BrowserContextOptions, expect, type Locator, type Page, test } from '@playwright/test';
import { axeFindings } from './fixtures/axe.ts';
import { collectConsoleErrors } from './fixtures/console-errors.ts';

/** The patient explainer as a reader meets it: its regions, its buttons and its picture. */
class PatientPage {
  readonly consoleErrors: string[];

  constructor(readonly page: Page) {
    this.consoleErrors = collectConsoleErrors(page);
  }

  async open(): Promise<void> {
    await this.page.goto('/?mode=patient');
    await expect(this.heading).toHaveText('A painful spot in the bone', { timeout: 30_000 });
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }
  get next(): Locator {
    return this.page.getByRole('button', { name: /^(Next|Start again)/ });
  }
  get back(): Locator {
    return this.page.getByRole('button', { name: /Back$/ });
  }
  get count(): Locator {
    return this.page.locator('.patient-count');
  }
  get regions() {
    return {
      header: this.page.locator('.patient-header'),
      picture: this.page.locator('.patient-picture'),
      text: this.page.locator('.patient-text'),
      nav: this.page.locator('.patient-nav'),
    };
  }

  async stepCount(): Promise<number> {
    const text = (await this.count.textContent()) ?? '';
    const total = Number(/of (\d+)/.exec(text)?.[1]);
    expect(total).toBeGreaterThan(5);
    return total;
  }

  /** How many of the picture's pixels are lit anatomy (ivory bone, the pink spot, skin) rather than background. */
  async litPixels(): Promise<{ lit: number; total: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('.patient-picture canvas') as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0) return { lit: 0, total: 0 };
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return { lit: 0, total: 0 };
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let lit = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i] ?? 0;
        const g = d[i + 1] ?? 0;
        const b = d[i + 2] ?? 0;
        // The background is a deep blue (#1a2940); anatomy is warm and bright.
        if (r > 120 && r + g > 200 && r >= b) lit++;
      }
      return { lit, total: d.length / 4 };
    });
  }

  /**
   * How the picture sits in its box: how many drawn pixels (anything but the deep blue background) lie on the canvas's
   * outermost rows and columns, and the share of its pixels that are the lesion's magenta.
   */
  async pictureFit(): Promise<{ edgePixels: number; lesionShare: number }> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('.patient-picture canvas') as HTMLCanvasElement | null;
      if (!canvas || canvas.width === 0) return { edgePixels: -1, lesionShare: 0 };
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d');
      if (!ctx) return { edgePixels: -1, lesionShare: 0 };
      ctx.drawImage(canvas, 0, 0);
      const { width, height } = copy;
      const d = ctx.getImageData(0, 0, width, height).data;
      const at = (x: number, y: number) => 4 * (y * width + x);
      // The background is #1a2940; the faint skin's edge differs from it by more than this.
      const drawn = (i: number) =>
        Math.abs((d[i] ?? 0) - 0x1a) + Math.abs((d[i + 1] ?? 0) - 0x29) + Math.abs((d[i + 2] ?? 0) - 0x40) > 30;
      let edgePixels = 0;
      for (let x = 0; x < width; x++) edgePixels += Number(drawn(at(x, 0))) + Number(drawn(at(x, height - 1)));
      for (let y = 0; y < height; y++) edgePixels += Number(drawn(at(0, y))) + Number(drawn(at(width - 1, y)));
      let lesion = 0;
      for (let i = 0; i < d.length; i += 4) {
        const r = d[i] ?? 0;
        const g = d[i + 1] ?? 0;
        const b = d[i + 2] ?? 0;
        if (r > 150 && b > 110 && g < 0.7 * r && g < b) lesion++;
      }
      return { edgePixels, lesionShare: lesion / (width * height) };
    });
  }

  /**
   * The picture fits its box (nothing drawn touches an edge of the canvas, as the thigh's top and the device did at
   * 390×844 and 1920×1080), polled while the camera eases to the step's view.
   */
  async expectPictureFits(): Promise<void> {
    await expect.poll(async () => (await this.pictureFit()).edgePixels, { timeout: 30_000 }).toBe(0);
  }

  /**
   * Step 1's picture shows the painful spot the words point to: turned toward it, its magenta covers 0.7–0.8 % of the
   * canvas at 390×844, 1280×800 and 1920×1080; seen from the side, with the bone in front of most of it, 0.2 %.
   */
  async expectLesionShown(): Promise<void> {
    await expect.poll(async () => (await this.pictureFit()).lesionShare, { timeout: 30_000 }).toBeGreaterThan(0.0045);
  }

  /** A short hash of the picture's pixels. */
  async pictureHash(): Promise<string> {
    return this.page.evaluate(() => {
      const canvas = document.querySelector('.patient-picture canvas') as HTMLCanvasElement;
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const ctx = copy.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(canvas, 0, 0);
      const d = ctx.getImageData(0, 0, copy.width, copy.height).data;
      let h = 0;
      for (let i = 0; i < d.length; i += 7) h = (h * 31 + (d[i] ?? 0)) >>> 0;
      return `${copy.width}x${copy.height}:${h}`;
    });
  }

  async axeSeriousOrCritical(): Promise<string[]> {
    return (await axeFindings(this.page)).serious;
  }
}

/**
 * One patient page for the tests of a describe block, run in order (serial), as plannerForGroup does for the
 * planner: a page load is much of an end-to-end test's cost here.
 */
function patientForGroup(options: BrowserContextOptions): { page: Page; app: PatientPage } {
  const shared = {} as { page: Page; app: PatientPage };
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }, testInfo) => {
    const { baseURL } = testInfo.project.use;
    // A context of its own (as each test's page has), not browser.newPage(): axe's builder refuses such pages.
    const context = await browser.newContext({ ...(baseURL ? { baseURL } : {}), ...options });
    shared.page = await context.newPage();
    shared.app = new PatientPage(shared.page);
    await shared.app.open();
  });
  test.afterAll(() => shared.page.context().close());
  return shared;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0.5 && h > 0.5 ? w * h : 0;
}

/** The main regions' boxes: none overlaps another, each inside the window, and Next fully on screen. */
async function expectCleanLayout(app: PatientPage, width: number, height: number): Promise<Record<string, Box>> {
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
    for (const b of names.slice(i + 1)) {
      expect(overlap(boxes[a] as Box, boxes[b] as Box), `${a} overlaps ${b}`).toBe(0);
    }
  }
  // The buttons in the nav bar do not overlap each other or the dots either.
  const parts = [app.back, app.next, app.page.locator('.patient-dots')];
  const partBoxes = await Promise.all(parts.map((p) => p.boundingBox()));
  for (const [i, a] of partBoxes.entries()) {
    for (const b of partBoxes.slice(i + 1)) if (a && b) expect(overlap(a, b), 'nav buttons overlap').toBe(0);
  }
  const next = await app.next.boundingBox();
  expect(next).not.toBeNull();
  if (next) {
    expect(next.y + next.height).toBeLessThanOrEqual(height);
    expect(next.x + next.width).toBeLessThanOrEqual(width);
    expect(next.height).toBeGreaterThanOrEqual(44);
  }
  return boxes;
}

async function fontPx(locator: Locator): Promise<number> {
  return locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
}

// The three on one page, in order: the story tapped through, then swipes and dots, then axe.
test.describe('patient explainer on a phone (390×844, touch)', () => {
  const group = patientForGroup({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });

  test('tapping Next reaches the end of the story; glossary and sources are there; no console errors', async () => {
    const { page, app } = group;
    const testInfo = test.info();
    const total = await app.stepCount();
    await expect(page.locator('.patient-dot')).toHaveCount(total);
    // The picture is a real share of the screen, and draws the anatomy.
    const canvas = await page.locator('.patient-picture canvas').boundingBox();
    expect(canvas?.width ?? 0).toBeGreaterThanOrEqual(380);
    expect(canvas?.height ?? 0).toBeGreaterThanOrEqual(844 * 0.25);
    await expect.poll(async () => (await app.litPixels()).lit, { timeout: 30_000 }).toBeGreaterThan(500);
    await app.expectPictureFits();
    await app.expectLesionShown();
    // Body text is at least 18 px on a phone.
    expect(await fontPx(page.locator('.patient-text h1 + p'))).toBeGreaterThanOrEqual(18);
    await expectCleanLayout(app, 390, 844);
    await page.screenshot({ path: testInfo.outputPath('phone-step-1.png') });

    const titles = [await app.heading.textContent()];
    for (let i = 1; i < total; i++) {
      await expect(app.next).toBeInViewport({ ratio: 1 });
      await app.next.tap();
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      titles.push(await app.heading.textContent());
      // The beams' step: the device under the thigh is in the picture too.
      if (i === 2) await app.expectPictureFits();
      if (i === 2 || i === 3 || i === 4 || i === 10)
        await page.screenshot({ path: testInfo.outputPath(`phone-step-${i + 1}.png`) });
      if (await page.locator('.patient-glossary').isVisible()) {
        // The glossary: every term with its definition.
        const terms = page.locator('.patient-glossary dt');
        expect(await terms.count()).toBeGreaterThanOrEqual(20);
        await expect(page.locator('.patient-glossary dd')).toHaveCount(await terms.count());
        await expect(page.locator('.patient-glossary')).toContainText('Standoff');
        await page.screenshot({ path: testInfo.outputPath('phone-glossary.png') });
      }
    }
    expect(new Set(titles).size).toBe(total);
    // The end: the sources, the full note, and a way back to the start.
    await expect(app.heading).toHaveText('Where these facts come from');
    await expect(page.locator('.patient-sources li')).toHaveCount(5);
    await expect(page.locator('.patient-sources')).toContainText('Journal of the National Cancer Institute');
    await expect(page.locator('.patient-sources')).toContainText('Practical Radiation Oncology');
    await expect(page.locator('.patient-text')).toContainText('not medical advice');
    await expect(app.next).toHaveText('Start again');
    await expectCleanLayout(app, 390, 844);
    await page.screenshot({ path: testInfo.outputPath('phone-sources.png') });
    // Every page has shown the glossary once on its way.
    expect(titles).toContain('Words you may hear');
    // The short note is on every page.
    await expect(page.locator('.patient-note')).toContainText('not medical advice');
    await app.next.tap();
    await expect(app.heading).toHaveText('A painful spot in the bone');
    expect(app.consoleErrors).toEqual([]);
  });

  test('a swipe turns the page; a tap on a dot jumps; a source mark opens the sources', async () => {
    const { page, app } = group;
    // The first test ended back at the first step.
    await expect(app.count).toHaveText(/^Step 1 of/);
    const swipe = (fromX: number, toX: number) =>
      page.locator('.patient-main').evaluate(
        (el, [a, b]) => {
          const at = (type: string, x: number) =>
            el.dispatchEvent(
              new PointerEvent(type, { pointerType: 'touch', pointerId: 7, clientX: x, clientY: 600, bubbles: true }),
            );
          at('pointerdown', a as number);
          at('pointerup', b as number);
        },
        [fromX, toX],
      );
    await swipe(320, 80);
    await expect(app.count).toHaveText(/^Step 2 of/);
    await swipe(80, 320);
    await expect(app.count).toHaveText(/^Step 1 of/);
    // A short drag is not a swipe.
    await swipe(200, 180);
    await expect(app.count).toHaveText(/^Step 1 of/);
    await page.getByRole('button', { name: /^Step 5:/ }).tap();
    await expect(app.heading).toHaveText('The warmth calms the pain');
    // The numbers are folded until asked for.
    const numbers = page.locator('.patient-numbers');
    await expect(numbers).not.toHaveAttribute('open');
    await expect(numbers.locator('p')).toBeHidden();
    await numbers.locator('summary').tap();
    await expect(numbers.locator('p')).toContainText('°C');
    await numbers.getByRole('button', { name: /^Source 2:/ }).tap();
    await expect(app.heading).toHaveText('Where these facts come from');
    // The source tapped is marked and in view, and Back returns to the step it was tapped in.
    const cited = page.locator('.patient-sources li[aria-current="true"]');
    await expect(cited).toHaveCount(1);
    await expect(cited).toBeInViewport();
    await expect(page.locator('.patient-sources li').nth(1)).toHaveAttribute('aria-current', 'true');
    await page.getByRole('button', { name: 'Back to step 5' }).tap();
    await expect(app.heading).toHaveText('The warmth calms the pain');
    await expect(page.getByRole('button', { name: /Back$/ })).toBeVisible();
    expect(app.consoleErrors).toEqual([]);
  });

  test('no serious or critical accessibility violation (axe), first step and glossary', async () => {
    const { page, app } = group;
    await page.getByRole('button', { name: /^Step 1:/ }).tap();
    await expect(app.heading).toHaveText('A painful spot in the bone');
    expect(await app.axeSeriousOrCritical()).toEqual([]);
    await page.getByRole('button', { name: /^Step \d+: Words you may hear/ }).tap();
    await expect(app.heading).toHaveText('Words you may hear');
    expect(await app.axeSeriousOrCritical()).toEqual([]);
  });
});

// The three sizes on one page, resized between them (a page load is much of an end-to-end test's cost here).
const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 768, height: 1024 },
];

test.describe(`patient explainer at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}`, () => {
  test.use({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });

  test('main regions do not overlap, Next always on screen, at every step; arrow keys turn the pages', async ({
    page,
  }, testInfo) => {
    // Thirteen pages at three sizes, each measured: generous on a shared machine drawing WebGL on the CPU.
    test.setTimeout(300_000);
    const app = new PatientPage(page);
    await app.open();
    const total = await app.stepCount();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.keyboard.press('Home');
      await expect(app.count).toHaveText(`Step 1 of ${total}`);
      await expect.poll(async () => (await app.litPixels()).lit, { timeout: 30_000 }).toBeGreaterThan(500);
      await app.expectPictureFits();
      await app.expectLesionShown();
      const boxes = await expectCleanLayout(app, size.width, size.height);
      // The picture is a large share of the window.
      const picture = boxes.picture as Box;
      expect(picture.width * picture.height).toBeGreaterThan(size.width * size.height * 0.25);
      expect(await fontPx(page.locator('.patient-text h1 + p'))).toBeGreaterThanOrEqual(18);
      await page.screenshot({ path: testInfo.outputPath(`${size.width}x${size.height}-step-1.png`) });
      for (let i = 1; i < total; i++) {
        await page.keyboard.press('ArrowRight');
        await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
        await expectCleanLayout(app, size.width, size.height);
        // The beams' step: the device under the thigh is in the picture too.
        if (i === 2) await app.expectPictureFits();
        if (i === 2 || i === 4 || i === 10 || i === total - 2) {
          await page.screenshot({ path: testInfo.outputPath(`${size.width}x${size.height}-step-${i + 1}.png`) });
        }
      }
      await page.keyboard.press('ArrowRight');
      await expect(app.count).toHaveText(`Step ${total} of ${total}`);
      await page.keyboard.press('ArrowLeft');
      await expect(app.count).toHaveText(`Step ${total - 1} of ${total}`);
    }
    await page.keyboard.press('Home');
    await expect(app.count).toHaveText(`Step 1 of ${total}`);
    expect(app.consoleErrors).toEqual([]);
  });
});

test.describe('patient explainer, reduced motion (1280×800)', () => {
  test('with reduced motion the picture holds still and says so', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const app = new PatientPage(page);
    await app.open();
    // To the beams' step by the Next button (the keys are the size tests' to check): a key pressed in the instant
    // between the first step's drawing and its key handler being attached was lost once on a loaded machine.
    await app.next.click();
    await expect(app.count).toHaveText(/^Step 2 of/);
    await app.next.click();
    await expect(app.heading).toHaveText('Many gentle beams');
    await expect(page.locator('.patient-caption')).toContainText('shown still');
    await expect.poll(async () => (await app.litPixels()).lit, { timeout: 30_000 }).toBeGreaterThan(500);
    await app.expectPictureFits();
    const first = await app.pictureHash();
    await page.waitForTimeout(1500);
    expect(await app.pictureHash()).toBe(first);
    expect(app.consoleErrors).toEqual([]);
  });
});

// The keyboard's path and the moving picture on one page, in order (a page load is much of an end-to-end test's cost).
test.describe('patient explainer, keyboard and motion (1280×800)', () => {
  const group = patientForGroup({ viewport: { width: 1280, height: 800 } });

  test('Tab reaches the modes, Back, the dots and Next, and Enter on Next turns the page', async () => {
    const { page, app } = group;
    const reached: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
      });
      reached.push(name);
      if (/^Next/.test(name)) break;
    }
    expect(reached).toContain('For patients');
    expect(reached).toContain('Plan');
    expect(reached.some((n) => /Back$/.test(n))).toBe(true);
    expect(reached.some((n) => /^Step 2: /.test(n))).toBe(true);
    expect(reached.at(-1)).toMatch(/^Next/);
    await page.keyboard.press('Enter');
    await expect(app.count).toHaveText(/^Step 2 of/);
    // Focus stays on Next for the next press.
    await page.keyboard.press('Enter');
    await expect(app.count).toHaveText(/^Step 3 of/);
    // The mode menu marks this mode and links to the planner.
    await expect(
      page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'For patients' }),
    ).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('link', { name: 'Plan' })).toHaveAttribute('href', '?mode=plan');
  });

  test('the picture moves gently without reduced motion', async () => {
    const { page, app } = group;
    await page.getByRole('button', { name: /^Step 1:/ }).click();
    await expect(app.count).toHaveText(/^Step 1 of/);
    await app.expectPictureFits();
    await app.expectLesionShown();
    await app.next.click();
    await expect(app.count).toHaveText(/^Step 2 of/);
    await app.next.click();
    await expect(app.heading).toHaveText('Many gentle beams');
    await expect(page.locator('.patient-caption')).not.toContainText('shown still');
    await expect.poll(async () => (await app.litPixels()).lit, { timeout: 30_000 }).toBeGreaterThan(500);
    const first = await app.pictureHash();
    await expect.poll(() => app.pictureHash(), { timeout: 30_000 }).not.toBe(first);
  });
});

// The walk on a phone: step 1's words were cut at a paragraph's end with no sign of more, so they looked whole.
test.describe('patient explainer on a phone (390×844): words below the fold', () => {
  const group = patientForGroup({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 1,
  });

  test('on every step the words either fit or say there is more below, until scrolled to the end', async () => {
    const { page, app } = group;
    const text = page.locator('.patient-text');
    // The label (its holder has no height of its own, so that showing it never lengthens the words' scroll).
    const cue = page.locator('.patient-more-label');
    const hidden = () => text.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop);
    // Step 1 does not fit (587 px of words in a 334 px box when the walk found it): the cue is shown, over a fade.
    expect(await hidden()).toBeGreaterThan(20);
    await expect(cue).toBeVisible();
    await expect(cue).toHaveText('More below ↓');
    const fade = await page.locator('.patient-more').evaluate((el) => getComputedStyle(el, '::before').backgroundImage);
    expect(fade).toContain('gradient');
    // The cue sits at the foot of the words' box, inside it.
    const [box, label] = await Promise.all([text.boundingBox(), cue.boundingBox()]);
    expect(box && label).toBeTruthy();
    if (box && label) {
      expect(label.y + label.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
      expect(label.y + label.height).toBeGreaterThan(box.y + box.height - 40);
    }
    await page.screenshot({ path: test.info().outputPath('phone-more-below.png') });
    // A tap on the cue scrolls the words on (a walk tapped it and nothing moved).
    await cue.tap();
    await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    // Scrolled to the end, nothing is left below and the cue goes.
    await text.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect(cue).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath('phone-scrolled-end.png') });
    const total = await app.stepCount();
    for (let i = 1; i < total; i++) {
      await app.next.tap();
      await expect(app.count).toHaveText(`Step ${i + 1} of ${total}`);
      // Each step opens at its top: more below is said whenever the words do not fit.
      await expect.poll(() => text.evaluate((el) => el.scrollTop)).toBe(0);
      if ((await hidden()) > 4) await expect(cue, `step ${i + 1}`).toBeVisible();
      else await expect(cue, `step ${i + 1}`).toHaveCount(0);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});

test.describe('patient explainer, the address (1280×800)', () => {
  test('a typed fragment shows its step; Back and Forward walk the steps, then leave', async ({ page }) => {
    const app = new PatientPage(page);
    await app.open();
    await expect(page).toHaveURL(/#painful-spot$/);
    await app.next.click();
    await app.next.click();
    await expect(app.heading).toHaveText('Many gentle beams');
    await expect(page).toHaveURL(/#gentle-beams$/);
    // A fragment typed into the address bar (or a link to one) shows that step.
    await page.evaluate(() => {
      window.location.hash = '#sources';
    });
    await expect(app.heading).toHaveText('Where these facts come from');
    await page.goBack();
    await expect(app.heading).toHaveText('Many gentle beams');
    await page.goBack();
    await expect(app.heading).toHaveText('On the treatment table, in the scanner');
    await page.goForward();
    await expect(app.heading).toHaveText('Many gentle beams');
    // The arrow keys still turn the page, each turn an entry of its own.
    await page.keyboard.press('ArrowRight');
    await expect(app.heading).toHaveText('The beams meet at the bone');
    await page.goBack();
    await expect(app.heading).toHaveText('Many gentle beams');
    await page.goBack();
    await page.goBack();
    await expect(app.heading).toHaveText('A painful spot in the bone');
    // The first load left no entry of its own: one more Back leaves the explainer.
    await page.goBack();
    await expect(page).not.toHaveURL(/mode=patient/);
    expect(app.consoleErrors).toEqual([]);
  });
});

import { expect, type Page, test } from '@playwright/test';
import { PlannerPage } from './fixtures/planner-page.ts';

// Issue 10, item 13: numbers and words a learner can use.

/** Screen point of a scene handle, as the scene probe reports it after each drawn frame. */
async function probePoint(page: Page, attribute: string): Promise<[number, number]> {
  const probe = page.getByTestId('scene-probe');
  await expect(probe).toHaveAttribute(attribute, /\d/);
  const [x, y] = ((await probe.getAttribute(attribute)) ?? '').split(',').map(Number);
  return [x as number, y as number];
}

async function drag(page: Page, attribute: string, dx: number, dy: number): Promise<void> {
  const [x, y] = await probePoint(page, attribute);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 6 });
  await page.mouse.up();
}

test('after drags the fields read at their precision, the transducer side is said in words, parts have human names', async ({
  page,
}) => {
  const app = new PlannerPage(page);
  await app.open();
  await expect(page.getByTestId('beam-direction')).toHaveText(
    'Beams come from the front (anterior), tilted 45° toward the outer side (lateral).',
  );
  await expect(page.getByRole('checkbox', { name: 'Show cortical bone, femur' })).toBeChecked();
  await expect(page.getByRole('slider', { name: 'Opacity of nerve, sciatic' })).toBeVisible();

  const x = page.getByTestId('target-x');
  const before = await x.inputValue();
  await drag(page, 'data-target-handle', 7, 5);
  await expect(x).not.toHaveValue(before);
  for (const axis of ['x', 'y', 'z']) {
    await expect(page.getByTestId(`target-${axis}`)).toHaveValue(/^-?\d+(\.\d)? mm$/);
  }

  const tilt = page.getByTestId('tilt-angle');
  const tiltBefore = await tilt.inputValue();
  await drag(page, 'data-transducer-handle', 40, 15);
  await expect(tilt).not.toHaveValue(tiltBefore);
  await expect(tilt).toHaveValue(/^\d+(\.\d)? deg$/);
  await expect(page.getByTestId('tilt-azimuth')).toHaveValue(/^-?\d+(\.\d)? deg$/);
  await expect(page.getByTestId('beam-direction')).toHaveText(
    /^Beams come from [a-z( )]+(, tilted \d+° toward .+)?\.$/,
  );
  await expect(page.getByTestId('beam-direction')).not.toContainText('0.');
  expect(app.consoleErrors).toEqual([]);
});

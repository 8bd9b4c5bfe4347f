// Visual comparison of the sidebar section and its weight popover (light and dark, GitLab and GitHub) against
// reference images, so that an unintended change of the look fails. Chromium only. Deterministic by construction:
// issues without findings or relative dates in the section, nothing hovered (the popover is opened with the
// keyboard), Playwright's own settings for screenshots (animations stopped, caret hidden).
// New references after an intended change: npx playwright test test/e2e/visual.spec.ts --update-snapshots
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({ layout: null });

const section = (page: Page) => page.locator('[data-refinery="sidebar"]').getByRole('region', { name: 'Refinery' });

for (const [forge, url] of [
  ['gitlab', 'https://gitlab.com/acme/platform/backend/-/issues/2'],
  ['github', 'https://github.com/acme/widgets/issues/2'],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`${forge}, ${scheme}: the sidebar section and its weight popover look as they should`, async ({ page, connect }) => {
      await connect();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(scheme === 'dark' && forge === 'gitlab' ? `${url}?theme=dark` : url);
      await expect(section(page)).toBeVisible();
      await expect(page.locator('[data-refinery="sidebar"]')).toHaveScreenshot(`${forge}-${scheme}-section.png`);
      await section(page).getByRole('button', { name: 'Edit weight' }).focus();
      await page.keyboard.press('Enter');
      const list = section(page).getByRole('listbox', { name: 'Weight' });
      await expect(list).toBeFocused();
      await expect(section(page).locator('.popover')).toHaveScreenshot(`${forge}-${scheme}-popover.png`);
    });
  }
}

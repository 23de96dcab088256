// Every E2E test runs under a CSP guard: any Content-Security-Policy violation in any page of any
// context the test opens (iframes included) fails the test. The app serves its pages with the
// documented strict policy, so this proves the widget needs nothing more.
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };
export type { Browser, BrowserContext, Locator, Page } from '@playwright/test';

export const test = base.extend<{ cspViolations: string[]; allowCspViolations: RegExp | null }>({
  allowCspViolations: [null, { option: true }],
  cspViolations: [
    async ({ browser, context, allowCspViolations }, use) => {
      const violations: string[] = [];
      const watch = (ctx: BrowserContext) => {
        const onPage = (page: import('@playwright/test').Page) =>
          page.on('console', (message) => {
            const text = message.text();
            if (message.type() === 'error' && /Content Security Policy/i.test(text) && !allowCspViolations?.test(text))
              violations.push(`${page.url()}: ${text.slice(0, 300)}`);
          });
        ctx.pages().forEach(onPage);
        ctx.on('page', onPage);
      };
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (...args) => {
        const ctx = await newContext(...args);
        watch(ctx);
        return ctx;
      };
      await use(violations);
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

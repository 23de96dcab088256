// Every E2E test runs under a CSP guard: any Content-Security-Policy violation in any page of any
// context the test opens (iframes included), in the fixture's browser or in any browser the test
// launches itself, fails the test. The app serves its pages with the documented strict policy, so
// this proves the widget needs nothing more.
import { chromium, test as base, expect, type Browser, type BrowserContext } from '@playwright/test';

export { expect };
export type { Browser, BrowserContext, Frame, Locator, Page } from '@playwright/test';

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
      const guard = (b: Browser) => {
        const newContext = b.newContext.bind(b);
        b.newContext = async (...args) => {
          const ctx = await newContext(...args);
          watch(ctx);
          return ctx;
        };
        return () => void (b.newContext = newContext);
      };
      const unguard = [guard(browser)];
      // A browser the test launches itself (e.g. with a camera file of its own) is watched too.
      const launch = chromium.launch.bind(chromium);
      chromium.launch = async (...args) => {
        const launched = await launch(...args);
        unguard.push(guard(launched));
        return launched;
      };
      await use(violations);
      chromium.launch = launch;
      for (const undo of unguard) undo();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

// Reading Playwright's JSON report for the summary `npm test` prints.

/** Titles of E2E tests that failed, then passed on the retry: bugs to fix, shown, never hidden. */
export function flakyTests(suite, trail = []) {
  const out = [];
  for (const child of suite.suites ?? []) out.push(...flakyTests(child, [...trail, child.title]));
  for (const spec of suite.specs ?? []) {
    for (const t of spec.tests ?? []) if (t.status === 'flaky') out.push([...trail, spec.title].filter(Boolean).join(' › '));
  }
  return out;
}

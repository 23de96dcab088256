// `npm test` names a test that passed only on its retry: it is a bug to fix, not a pass to forget.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flakyTests } from '../../scripts/lib/report.mjs';

const spec = (title, status) => ({ title, tests: [{ status }] });

test('flaky tests are found at any depth, with their suite path; steady and failed ones are not', () => {
  const report = {
    suites: [
      {
        title: 'foundation.spec.ts',
        specs: [spec('the token endpoint rejects bad input', 'expected')],
        suites: [
          {
            title: 'a real meeting',
            specs: [spec('two participants see each other', 'flaky'), spec('leaving stops the camera', 'unexpected')],
          },
        ],
      },
      { title: 'faults.spec.ts', specs: [spec('a crash is survived', 'flaky')] },
    ],
  };
  assert.deepEqual(flakyTests(report), [
    'foundation.spec.ts › a real meeting › two participants see each other',
    'faults.spec.ts › a crash is survived',
  ]);
  assert.deepEqual(flakyTests({ suites: [] }), []);
});

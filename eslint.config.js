import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/**
 * The layers (../shared/STYLE.md): which module may import which, for static imports, re-exports and
 * dynamic import() alike. Each entry: the files, and what they may not reach, with why. Later
 * entries are more specific and replace earlier ones for their files (flat config: last one wins).
 */
const LIT = String.raw`^(lit|lit\/.*|@lit\/.*|@lit-labs\/.*)$`;
const SDK = String.raw`^livekit-client($|\/)`;
const SESSION = String.raw`(^|\/)session\/`;
const COMPONENTS = String.raw`(^|\/)components\/`;
const WIRING = String.raw`(^|\/)(wiring|in-call)\.js$`;
const MEETING_CORE = String.raw`core\/meeting\.js$`;
const UNSAFE_HTML = String.raw`unsafe-(html|svg|mathml)|static-html`;
const LAYERS = [
  // Every product file: no HTML from strings (the rule each entry below repeats for its own files).
  { files: ['components/**/*.ts', 'src/**/*.ts'], banned: [] },
  {
    files: ['components/**/*.ts', 'src/controllers/**/*.ts'],
    banned: [
      [SDK, 'Components use the store, their actions and controllers; only src/session/ calls livekit-client.'],
      [SESSION, 'Components never load the session: the element wires it (src/wiring.ts).'],
      [MEETING_CORE, 'Components get narrow actions through context, never the meeting object.'],
      [WIRING, 'Only the composition root (components/meeting/meeting.ts) wires the lazy parts.'],
    ],
  },
  {
    // The element is the composition root: it builds the meeting and hands each part its actions.
    files: ['components/meeting/meeting.ts'],
    banned: [
      [SDK, 'Only src/session/ calls livekit-client.'],
      [SESSION, 'The session loads through src/wiring.ts.'],
    ],
  },
  {
    files: ['src/core/**/*.ts', 'src/config/**/*.ts', 'src/i18n/**/*.ts'],
    banned: [
      [LIT, 'The core is plain TypeScript: no Lit.'],
      [SDK, 'livekit-client only in src/session/.'],
      [SESSION, 'The core depends on the session port (session-port.ts); src/wiring.ts loads the session.'],
      [COMPONENTS, 'The core never loads UI.'],
      [WIRING, 'The core never loads UI or the session: src/wiring.ts does.'],
    ],
  },
  {
    files: ['src/session/**/*.ts'],
    banned: [
      [LIT, 'The session has no UI.'],
      [COMPONENTS, 'The session has no UI.'],
      [String.raw`(^|\/)(controllers|effects|embed)\/`, 'The session talks to the core through the store and its port.'],
    ],
  },
  {
    files: ['src/effects/**/*.ts'],
    banned: [
      [LIT, 'Effects have no UI.'],
      [SDK, 'Effects are plain processors on MediaStreamTracks: no livekit-client.'],
      [SESSION, 'Effects know nothing of the session.'],
      [COMPONENTS, 'Effects have no UI.'],
    ],
  },
  {
    files: ['src/embed/bridge.ts', 'src/embed/plan.ts', 'src/embed/deployment.ts', 'src/embed/protocol.ts', 'src/embed/frame.ts'],
    banned: [
      [LIT, 'The embed protocol is plain TypeScript (the host helper bundles it).'],
      [SDK, 'The embed protocol never loads livekit-client.'],
      [SESSION, 'The embed protocol never loads the session.'],
      [COMPONENTS, 'The embed protocol drives the element through its commands.'],
    ],
  },
  {
    files: ['stories/**/*.ts'],
    banned: [
      [SDK, 'Stories are seeded stores: no livekit-client.'],
      [SESSION, 'Stories run without a server.'],
      [WIRING, 'Stories run without a server.'],
    ],
  },
];

function layerRules() {
  return LAYERS.map(({ files, banned }) => ({
    files,
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[[UNSAFE_HTML, 'No unsafeHTML/unsafeSVG/unsafeStatic: render with Lit templates and text bindings.'], ...banned].flatMap(
          ([re, message]) =>
            ['ImportDeclaration', 'ImportExpression', 'ExportNamedDeclaration', 'ExportAllDeclaration'].map((node) => ({
              selector: `${node}[source.value=/${re}/]`,
              message,
            })),
        ),
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'server/dist/',
      'server/widget/',
      'node_modules/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      'storybook-static/',
      'tests/e2e/fixtures/meet/',
      'tests/e2e/fixtures/snippet-react/',
      'tests/e2e/fixtures/consumer/',
      'tests/e2e/fixtures/consumer-react/',
      'tests/e2e/fixtures/docs/',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['components/**/*.ts', 'src/**/*.ts'],
    plugins: { lit, 'lit-a11y': litA11y },
    rules: { ...lit.configs.recommended.rules, ...litA11y.configs.recommended.rules },
  },
  // No HTML from strings, anywhere in the product: text bindings and templates only (names, chat and
  // URL parameters are other people's input).
  {
    files: ['components/**/*.ts', 'src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe'].map(
          (property) => ({
            property,
            message: 'No HTML from strings: render with Lit templates and text bindings.',
          }),
        ),
        ...['write', 'writeln'].map((property) => ({
          object: 'document',
          property,
          message: 'No HTML from strings: render with Lit templates and text bindings.',
        })),
      ],
    },
  },
  // The layers, kept by lint (static imports, re-exports and dynamic import() alike; see LAYERS above).
  ...layerRules(),
  {
    files: ['components/**/*.ts', 'src/**/*.ts'],
    ignores: ['src/i18n/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
);

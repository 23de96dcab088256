import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/', 'node_modules/', '.cache/', 'test-results/', 'playwright-report/', 'storybook-static/', 'tests/e2e/fixtures/meet/'],
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
  // The layers, kept by lint: components render and never reach the SDK; the core is plain TS.
  {
    files: ['components/**/*.ts', 'src/controllers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['livekit-client', '**/session/*', '**/core/meeting.js'],
              message: 'Components use the store, the actions interface and controllers; only src/session/ calls livekit-client.',
            },
          ],
        },
      ],
    },
  },
  {
    // The element is the composition root: it builds the meeting and hands its actions down.
    files: ['components/meeting/meeting.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['livekit-client', '**/session/*'], message: 'Only src/session/ calls livekit-client.' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/config/**/*.ts', 'src/i18n/**/*.ts', 'src/embed/protocol.ts', 'src/embed/frame.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', 'livekit-client'],
              message: 'The core is plain TypeScript: no Lit, and livekit-client only in src/session/.',
            },
          ],
        },
      ],
    },
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
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/unsafe-(html|svg|mathml)|static-html/]',
          message: 'No unsafeHTML/unsafeSVG/unsafeStatic: render with Lit templates and text bindings.',
        },
        {
          selector: 'ImportExpression[source.value=/unsafe-(html|svg|mathml)|static-html/]',
          message: 'No unsafeHTML/unsafeSVG/unsafeStatic: render with Lit templates and text bindings.',
        },
      ],
    },
  },
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

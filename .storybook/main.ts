import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  core: { disableTelemetry: true },
  // Storybook builds with the project's vite.config.ts: the stories run the same Lit as the product
  // (with the fixes of scripts/lib/lit-fixes.mjs).
};
export default config;

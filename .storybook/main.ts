import type { StorybookConfig } from '@storybook/web-components-vite';
import { alias } from '../vite.config.ts';

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  // The stories import the packages' sources, exactly like the tests and the demo do.
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    resolve: { ...viteConfig.resolve, alias: { ...(viteConfig.resolve?.alias as Record<string, string> | undefined), ...alias } },
  }),
};

export default config;

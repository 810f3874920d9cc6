import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['{lib,components,test/unit,scripts}/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup-unit.ts'],
    restoreMocks: true,
  },
});

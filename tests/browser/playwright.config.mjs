import { defineConfig } from '@playwright/test';

// Debian's Chromium, headless, with the flags that keep it off the network (the machines are offline); no browser
// download. The application under test is started by app.mjs.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  globalSetup: './app.mjs',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
});

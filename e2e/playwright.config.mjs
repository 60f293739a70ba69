// End-to-end tests on the built site (dist/), served on loopback by e2e/serve.mjs, in Debian's
// Chromium. Every spec runs twice: with the site at "/" and under a sub-path, as on GitHub Pages.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8765);
const origin = `http://127.0.0.1:${port}`;
// The built site to test (E2E_DIST lets several builds be tested side by side).
const dist = process.env.E2E_DIST || 'dist';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  outputDir: process.env.E2E_OUTPUT || './test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Whole journeys through the questionnaire; generous, since CI shares two cores with the build.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'root', use: { baseURL: `${origin}/` } },
    { name: 'subpath', use: { baseURL: `${origin}/collaboration-readiness/` } },
  ],
  webServer: {
    command: `node e2e/serve.mjs --root ${dist} --port ${port}`,
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `${origin}/index.html`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});

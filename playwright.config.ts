import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/helpers/chromium-options'

/** End-to-end tests drive Debian's Chromium against the web host; Playwright's own browsers are not used. */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  // Generous, for a busy machine: a host starts per test or file, and every expect waits for a state
  // (the page, the services behind it). A state that holds ends the wait at once.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 320, height: 480 },
    deviceScaleFactor: 2,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
  },
})

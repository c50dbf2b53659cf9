/**
 * Debian's Chromium and the flags this machine needs: no sandbox (root), no GPU, and none of
 * Chromium's background traffic (the network is closed). Playwright's own browsers are not used.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

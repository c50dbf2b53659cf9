#!/usr/bin/env node
// Softphone hook: tells the running CalmDeck about a call. Built by `npm run build`.
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS launcher
  require('../out/main/calmdeck-event.js').main()
} catch (error) {
  const missing = error && error.code === 'MODULE_NOT_FOUND'
  process.stderr.write(
    missing ? 'calmdeck-event: not built yet; run `npm run build` first.\n' : 'calmdeck-event: could not start.\n',
  )
  process.exitCode = 1
}

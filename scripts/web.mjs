// `npm run web -- [--port <p>] [--data-dir <dir>]`: builds when the sources are newer than the
// build, then starts the web host (out/main/web.js) in this process.
import { loadBuilt } from './build-if-stale.mjs'

const entry = 'out/main/web.js'
const web = loadBuilt(entry, ['out/renderer/index.html'], 'calmdeck web')
process.argv = [process.argv[0], entry, ...process.argv.slice(2)]
web.main()

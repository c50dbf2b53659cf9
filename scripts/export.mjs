// `npm run export -- --from … --to … --format … --out …`: builds when the sources are newer than
// the build, then runs the export command (out/main/export.js) in this process.
import { loadBuilt } from './build-if-stale.mjs'

loadBuilt('out/main/export.js', [], 'calmdeck export').main(process.argv.slice(2))

// `npm run team-report -- --in <folder> --from … --to … --format … --out …`: builds when the sources
// are newer than the build, then runs the team report command (out/main/team-report.js) here.
import { loadBuilt } from './build-if-stale.mjs'

loadBuilt('out/main/team-report.js', [], 'calmdeck team-report').main(process.argv.slice(2))

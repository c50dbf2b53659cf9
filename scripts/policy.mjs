// `npm run policy -- [--registry] [--policy <file>]`: builds when the sources are newer than the
// build, then prints the machine policy in force (out/main/policy.js) as JSON.
import { loadBuilt } from './build-if-stale.mjs'

loadBuilt('out/main/policy.js', [], 'calmdeck policy').main(process.argv.slice(2))

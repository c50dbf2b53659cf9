import { createRequire } from 'node:module'
import { enableCompileCache } from '../services/startup/compile-cache'

// The app's entry (package.json `main`): Node's compile cache first, then the main process
// (index.js beside this file), whose modules then load from the cache on every start after the
// first. Required at run time, not bundled here: index.js finds the renderer next to itself.
enableCompileCache()
createRequire(__filename)('./index.js')

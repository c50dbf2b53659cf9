import fs from 'node:fs'
import { createRequire } from 'node:module'

/** The app's fvad WASM (the same file electron-vite bundles for the window), compiled for Node. */
export function fvadModule(): WebAssembly.Module {
  const file = createRequire(__filename).resolve('@echogarden/fvad-wasm/fvad.wasm')
  return new WebAssembly.Module(fs.readFileSync(file))
}

/**
 * better-sqlite3's compiled addon where its install puts it (`build/Release`, by node-gyp or
 * prebuild-install), or undefined if it is not there. Given as `nativeBinding`, every database
 * opens it directly; without it the package finds it with `bindings`, which reads a stack trace
 * and tries a list of folders on every first open (~5 ms of a start, more on a busy machine).
 */
export function installedAddon(resolve: (id: string) => string = require.resolve): string | undefined {
  try {
    return resolve('better-sqlite3/build/Release/better_sqlite3.node')
  } catch {
    return undefined
  }
}

import { test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost, type RunningHost } from './web-host'

/**
 * A fresh data folder and web host for every test of the file that calls this (at its top):
 * `env.host`, `env.dataDir` and `env.restart()` inside a test.
 */
export function hostPerTest(options?: Parameters<typeof startHost>[1]): {
  host: RunningHost
  dataDir: string
  /** Stops the host, runs `between` (e.g. damage its files), and starts a new one on the same folder. */
  restart(between?: () => void): Promise<void>
} {
  let current: { host: RunningHost; dataDir: string } | null = null
  test.beforeEach(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-'))
    current = { dataDir, host: await startHost(dataDir, options) }
  })
  test.afterEach(async () => {
    await current?.host.stop()
    if (current) fs.rmSync(current.dataDir, { recursive: true, force: true })
    current = null
  })
  const now = () => {
    if (!current) throw new Error('the host runs only inside a test')
    return current
  }
  return {
    async restart(between) {
      const running = now()
      await running.host.stop()
      between?.()
      running.host = await startHost(running.dataDir, options)
    },
    get host() {
      return now().host
    },
    get dataDir() {
      return now().dataDir
    },
  }
}

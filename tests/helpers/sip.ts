import { spawnSync } from 'node:child_process'

/** The path of a program the softphone tests need; without it they fail (they never skip). */
export function requireTool(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  if (!found) {
    throw new Error(
      `${name} is not installed: this integration test needs real baresip and sipp ` +
        '(Debian: apt-get install baresip-core sip-tester; .ci/run installs them).',
    )
  }
  return found
}

import path from 'node:path'
import { z } from 'zod'
import { hostTexts } from '../../shared/i18n/host-catalog'
import { resolveLocale } from '../../shared/locales'
import { readMachinePolicy, type MachinePolicyOptions } from '../services/policy/policy-file'
import { policyReport } from '../services/policy/policy-report'
import { environmentLocales } from '../services/settings/system-locales'
import { readCli } from './cli-args'
import { runCliMain, type CliLines } from './cli-main'

export interface PolicyCliIo extends CliLines {
  env?: NodeJS.ProcessEnv
  platform?: NodeJS.Platform
  /** reg.exe (tests: a stand-in; default: `reg` on the PATH). */
  reg?: MachinePolicyOptions['reg']
}

const rawSchema = z.strictObject({
  registry: z.boolean().optional(),
  policy: z.string().min(1, 'needs a file').optional(),
  help: z.boolean().optional(),
})

/**
 * `calmdeck policy`: prints the machine policy in force as JSON (see `policyReport`), like
 * chrome://policy. Exit status 0 without problems, 1 with problems (printed too), 2 for wrong
 * arguments (with the usage). Texts in the system's language.
 */
export function runPolicyCli(argv: readonly string[], io: PolicyCliIo): number {
  const env = io.env ?? process.env
  const texts = hostTexts[resolveLocale('auto', environmentLocales(env))].policyCli
  const read = readCli(
    argv,
    { registry: { type: 'boolean' }, policy: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    rawSchema,
  )
  if (read.kind === 'help') {
    io.out(texts.usage)
    return 0
  }
  if (read.kind === 'error') {
    io.err(`${texts.wrongArguments(read.message)}\n\n${texts.usage}`)
    return 2
  }
  const { registry, policy: file } = read.values
  const { policy, sources } = readMachinePolicy(io.platform ?? process.platform, env, {
    ...(file === undefined ? {} : { file: path.resolve(file) }),
    ...(registry ? { registry: true } : {}),
    ...(io.reg ? { reg: io.reg } : {}),
  })
  const report = policyReport(policy, sources)
  io.out(JSON.stringify(report, null, 2))
  return report.problems.length === 0 ? 0 : 1
}

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const texts = hostTexts[resolveLocale('auto', environmentLocales(process.env))].policyCli
  return runCliMain(async (io) => runPolicyCli(argv, io), texts.failed)
}

if (require.main === module) void main()

/**
 * Writes `resources/policy.schema.json`, the JSON Schema of IT's policy.json, generated from the
 * zod schema in `shared/policy.ts` (`z.toJSONSchema`), so that editors such as VS Code complete
 * and check a policy (`"$schema": "<install folder>/resources/policy.schema.json"`).
 * Run `npm run policy-schema` after changing a setting or the policy; a unit test
 * (tests/unit/scripts/policy-schema.test.ts) fails while the committed file is out of date.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { policySchema } from '../shared/policy'

export const POLICY_SCHEMA_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../resources/policy.schema.json',
)

/** The schema file's exact text. */
export function policySchemaText(): string {
  const schema = z.toJSONSchema(policySchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' })
  return JSON.stringify(schema, null, 2) + '\n'
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(POLICY_SCHEMA_FILE, policySchemaText())
  console.log(`wrote ${path.relative(process.cwd(), POLICY_SCHEMA_FILE)}`)
}

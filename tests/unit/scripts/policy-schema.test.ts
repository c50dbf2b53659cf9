import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getConfig } from 'app-builder-lib/out/util/config/config'
import { POLICY_SCHEMA_FILE, policySchemaText } from '../../../scripts/policy-schema'
import { policyEntries } from '../../../shared/policy'
import { settingsSchema } from '../../../shared/settings'

describe('resources/policy.schema.json', () => {
  it('is what the zod schema generates (run `npm run policy-schema` after changing it)', () => {
    expect(fs.readFileSync(POLICY_SCHEMA_FILE, 'utf8')).toBe(policySchemaText())
  })

  it('names every policy key and every setting IT can preset or lock, and nothing else', () => {
    const schema = JSON.parse(policySchemaText()) as {
      additionalProperties: boolean
      properties: Record<string, { properties?: Record<string, unknown>; additionalProperties?: boolean }>
    }
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', ...Object.keys(policyEntries)].sort())
    for (const entry of ['defaults', 'locked'])
      expect(Object.keys(schema.properties[entry]?.properties ?? {}).sort()).toEqual(
        Object.keys(settingsSchema.shape).sort(),
      )
  })

  it('is shipped with the app (electron-builder extraResources)', async () => {
    const config = await getConfig(path.resolve(__dirname, '../../..'), null, null)
    expect(config.extraResources).toContainEqual({ from: 'resources/policy.schema.json', to: 'policy.schema.json' })
  })
})

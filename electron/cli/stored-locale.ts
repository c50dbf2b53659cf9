import type { LocaleSetting } from '../../shared/locales'
import { openReadOnly } from '../services/export/read-only-db'
import type { SettingsPolicy } from '../services/policy/managed-policy'
import { KeyValueStore, SettingsService } from '../services/settings/settings-service'

/**
 * CalmDeck's language setting in `dataDir` (read only, also while CalmDeck runs), IT's lock
 * included; undefined when there is no readable data (then the environment's language is used).
 */
export function storedLocale(
  dataDir: string,
  policy?: SettingsPolicy,
  nativeBinding?: string,
): LocaleSetting | undefined {
  try {
    const db = openReadOnly(dataDir, nativeBinding)
    try {
      return new SettingsService(new KeyValueStore(db), undefined, undefined, policy).get().locale
    } finally {
      db.close()
    }
  } catch {
    return policy?.locked.locale
  }
}

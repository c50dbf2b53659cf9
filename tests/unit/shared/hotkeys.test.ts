import { describe, expect, it } from 'vitest'
import { defaultHotkeys } from '../../../shared/actions'
import { effectiveHotkeys, hotkeyFor } from '../../../shared/hotkeys'

describe('hotkeyFor', () => {
  it('takes the user setting, then the default, then none', () => {
    const overrides = { 'call-start': 'Alt+F9', undo: null }
    expect(hotkeyFor('call-start', overrides)).toBe('Alt+F9')
    expect(hotkeyFor('undo', overrides)).toBeNull()
    expect(hotkeyFor('call-end', overrides)).toBe(defaultHotkeys['call-end'])
    expect(hotkeyFor('log:venting', overrides)).toBeNull()
    expect(hotkeyFor('recovery-decline', {})).toBeNull()
  })
})

describe('effectiveHotkeys', () => {
  it('agrees with hotkeyFor for every action, and adds bound actions without a default', () => {
    const overrides = { 'log:mark': null, 'log:venting': 'Super+V', 'call-start': 'Command+F9' }
    const effective = effectiveHotkeys(overrides)
    expect(effective).toContainEqual(['log:venting', 'Super+V'])
    expect(effective.map(([action]) => action)).not.toContain('log:mark')
    for (const [action, accelerator] of effective) expect(accelerator).toBe(hotkeyFor(action, overrides))
    const bound = Object.keys(defaultHotkeys).filter((action) => hotkeyFor(action, overrides) !== null)
    expect(effective.length).toBe(bound.length + 1)
  })

  it('ignores keys that are not actions', () => {
    expect(effectiveHotkeys({ 'not an action': 'Alt+X' }).map(([action]) => action)).not.toContain('not an action')
  })
})

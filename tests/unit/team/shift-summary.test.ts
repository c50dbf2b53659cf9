import { afterEach, describe, expect, it } from 'vitest'
import { adaptiveCardProblems } from '../../helpers/adaptive-card'
import { testServices, type TestServices } from '../../helpers/services'
import { teamReceiver } from '../../helpers/team-receiver'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(summaryOn: boolean) {
  const receiver = await teamReceiver()
  const services = testServices(Date.now, undefined, { teamBackoff: { firstMs: 50, maxMs: 200 } })
  cleanups.push(
    () => receiver.stop(),
    () => services.dispose(),
  )
  services.settings.update({ agentName: 'Ivo', teamShiftSummary: summaryOn, callerNumber: 'full' })
  services.team.setEndpoint({ kind: 'teams', url: receiver.url })
  return { receiver, services }
}

/** Two calls: a plain one, and a hard one (boundary warning, supervisor) whose break is taken. */
function shift(services: TestServices): void {
  services.calls.start({ source: 'window', number: '+385 1 555 0177' })
  services.calls.end('window')
  const { call } = services.calls.start({ source: 'window', number: '+385 1 555 0188' })
  services.actions.perform('log:boundary-warning', 'hotkey')
  services.actions.perform('log:supervisor-requested', 'hotkey')
  services.notes.save({
    callId: call!.id,
    whatHappened: 'Shouted at me',
    callerWants: '',
    resolved: '',
    freeText: '',
    items: [],
  })
  services.calls.end('window')
  services.actions.perform('recovery-start', 'window')
}

const range = { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 }
const endShift = (services: TestServices, force = false) =>
  services.dispatch('export:run', {
    range,
    formats: ['json'],
    folder: services.dir,
    remark: 'Long day',
    redact: false,
    force,
  })

describe('the shift summary card at End shift', () => {
  it('posts the figures only, as a valid Adaptive Card, once per shift', async () => {
    const { receiver, services } = await setup(true)
    shift(services)
    expect(await endShift(services)).toMatchObject({ ok: true })
    const [post] = await receiver.waitFor(1)
    const card = JSON.parse(post!.body).attachments[0].content
    expect(adaptiveCardProblems(card)).toEqual([])
    expect(card.body[0].text).toBe('Shift summary: Ivo')
    const facts = Object.fromEntries(
      card.body[1].facts.map((f: { title: string; value: string }) => [f.title, f.value]),
    )
    expect(facts).toMatchObject({
      Calls: '2',
      'Hard calls': '1',
      'Boundary warnings': '1',
      'Supervisor requests': '1',
      'Recovery breaks offered': '1',
      'Recovery breaks taken': '1',
    })
    expect(post!.body).not.toMatch(/555 ?01[78][78]|Shouted|Long day/)

    expect(await endShift(services, true)).toMatchObject({ ok: true })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await services.team.outbox.idle()
    expect(receiver.posts).toHaveLength(1)
  })

  it('posts nothing unless Settings ask for it', async () => {
    const { receiver, services } = await setup(false)
    shift(services)
    expect(await endShift(services)).toMatchObject({ ok: true })
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(receiver.posts).toHaveLength(0)
    expect(services.team.state().pending).toBe(0)
  })
})

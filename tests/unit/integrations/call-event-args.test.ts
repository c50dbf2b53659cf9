import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  eventFromAppArgv,
  eventFromLink,
  hasCallEvent,
  parseEventArgs,
} from '../../../electron/services/integrations/call-event-args'
import { plainNumber } from '../../../shared/call-events'

describe('parseEventArgs (calmdeck-event)', () => {
  it('reads --event with number, direction and id', () => {
    expect(
      parseEventArgs(['--event', 'call-start', '--number', '+31 20 555', '--direction', 'in', '--id', 'abc']),
    ).toEqual({
      kind: 'event',
      event: { type: 'answered', number: '+31 20 555', direction: 'inbound', externalId: 'abc' },
    })
    expect(parseEventArgs(['--event=call-end', '--direction=out'])).toEqual({
      kind: 'event',
      event: { type: 'ended', direction: 'outbound' },
    })
  })

  it('takes the event name first and the number as a plain argument (MicroSIP appends it)', () => {
    expect(parseEventArgs(['call-incoming', '0612345678'])).toEqual({
      kind: 'event',
      event: { type: 'incoming', number: '0612345678' },
    })
    expect(parseEventArgs(['--event', 'call-failed', '0612345678', '--data-dir', '/tmp/x'])).toEqual({
      kind: 'event',
      event: { type: 'failed', number: '0612345678' },
      dataDir: '/tmp/x',
    })
    // An empty number (a softphone that does not know it) is no number.
    expect(parseEventArgs(['call-start', ''])).toEqual({ kind: 'event', event: { type: 'answered' } })
  })

  it('answers help', () => {
    expect(parseEventArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseEventArgs(['-h'])).toEqual({ kind: 'help' })
  })

  it.each([
    [[], /which event/],
    [['--event', 'call-begin'], /--event must be call-incoming, call-start, call-end or call-failed/],
    [['call-start', '--direction', 'sideways'], /--direction must be in or out/],
    [['call-start', '--bogus'], /^Unknown option '--bogus'$/],
    [['call-start', '--number'], /--number needs a value/],
    [['call-start', '1', '2'], /one plain argument/],
    [['call-start', '--number', '1', '2'], /one plain argument/],
    [['call-start', '--number', 'x'.repeat(201)], /--number may be at most 200 characters/],
    [['call-start', '--id', 'a\u0007b'], /--id is not valid/],
    [['call-start', '--data-dir', ''], /--data-dir needs a value/],
  ])('refuses %j with a clear one-line message', (argv, message) => {
    const parsed = parseEventArgs(argv as string[])
    expect(parsed.kind).toBe('error')
    if (parsed.kind === 'error') {
      expect(parsed.message).toMatch(message)
      expect(parsed.message).not.toContain('\n')
    }
  })

  it('never echoes an unexpected argument (it may be a number)', () => {
    const parsed = parseEventArgs(['call-start', '0612345678', '0687654321'])
    expect(JSON.stringify(parsed)).not.toContain('0687654321')
  })

  it('never throws, whatever the arguments', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('--event', 'call-start', '--number', '--id', '-h'))),
        (argv) => {
          const parsed = parseEventArgs(argv)
          expect(['event', 'help', 'error']).toContain(parsed.kind)
        },
      ),
    )
  })
})

describe('eventFromAppArgv (the app’s own command line)', () => {
  it('skips the executable, the app path and Chromium switches', () => {
    const argv = [
      '/opt/CalmDeck/calmdeck',
      '--allow-file-access-from-files',
      '--event',
      'call-start',
      '--original-process-start-time=1',
      '0612345678',
    ]
    expect(eventFromAppArgv(argv)).toEqual({ kind: 'event', event: { type: 'answered', number: '0612345678' } })
    expect(eventFromAppArgv(['electron', '.', '--event=call-end', '--id=x1'])).toEqual({
      kind: 'event',
      event: { type: 'ended', externalId: 'x1' },
    })
  })

  it('is null for a plain start and an error for a bad event', () => {
    expect(eventFromAppArgv(['/opt/CalmDeck/calmdeck'])).toBeNull()
    expect(eventFromAppArgv(['calmdeck', '--event', 'nope'])).toMatchObject({ kind: 'error' })
    expect(hasCallEvent(['calmdeck'])).toBe(false)
    expect(hasCallEvent(['calmdeck', 'tel:+31205550123'])).toBe(true)
  })
})

describe('links and numbers', () => {
  it('turns tel:, sip: and callto: links into an outgoing call', () => {
    expect(eventFromLink('tel:+31-20-555-0123')).toEqual({
      type: 'answered',
      direction: 'outbound',
      number: '+31-20-555-0123',
    })
    expect(eventFromLink('sip:0205550123@pbx.example;user=phone')).toMatchObject({ number: '0205550123' })
    expect(eventFromLink('callto://+385%201%20555')).toMatchObject({ number: '+385 1 555' })
    expect(eventFromLink('https://example.com')).toBeNull()
    expect(eventFromLink('tel:')).toBeNull()
  })

  it('takes the user part of SIP addresses and drops control characters', () => {
    expect(plainNumber('"Ann" <sip:+3120555@10.0.0.1:5060>')).toBe('+3120555')
    expect(plainNumber('sip:sipp@127.0.0.1:5061')).toBe('sipp')
    expect(plainNumber('0612%0A345')).toBe('0612345')
    expect(plainNumber('  ')).toBeUndefined()
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EMAIL_MASK, PHONE_MASK, looksLikePhone, redactText } from '../../../electron/services/export/redact'
import { APP_LOCALES, type AppLocale } from '../../../shared/locales'

const language = fc.constantFrom(...APP_LOCALES)

describe('redactText', () => {
  it.each([
    ['+31 6 1234 5678', PHONE_MASK],
    ['06-12345678', PHONE_MASK],
    ['06 12 34 56 78', PHONE_MASK],
    ['(020) 555 0101', PHONE_MASK],
    ['020-5550101', PHONE_MASK],
    ['020.555.0101', PHONE_MASK],
    ['0031201234567', PHONE_MASK],
    ['+31 (0)6 1234 5678', PHONE_MASK],
    ['+385 91 234 5678', PHONE_MASK],
    ['091/234-5678', PHONE_MASK],
    ['01 234 5678', PHONE_MASK],
    ['(212) 555-0101', PHONE_MASK],
    ['+44 20 7946 0958', PHONE_MASK],
    ['sip:0612345678@pbx', PHONE_MASK],
    ['sips:agent@pbx.example.com', PHONE_MASK],
    ['tel:+31205550123', PHONE_MASK],
    ['name.surname+tag@example.co.uk', EMAIL_MASK],
    ['ivana.horvat@tvrtka.hr', EMAIL_MASK],
    ['JAN@EXAMPLE.NL', EMAIL_MASK],
    ['žana.đurić@primjer.hr', EMAIL_MASK],
  ])('masks %s', (input, mask) => {
    expect(redactText(input)).toBe(mask)
    expect(redactText(`Bel (call) ${input}, dank.`)).toBe(`Bel (call) ${mask}, dank.`)
    for (const locale of APP_LOCALES) expect(redactText(input, locale)).toBe(mask)
  })

  it.each([
    'factuur 4411',
    'invoice 4411 paid',
    'order 2026001234',
    '2026-11-22',
    '22-11-2026',
    '22.11.2026',
    '22/11/2026',
    '11:05',
    '2026-11-22 11:05',
    'om 09:03-09:09 gebeld',
    'shift 08:00–16:30',
    '€ 1.250,00',
    '12.500.000',
    '€ 99,95',
    'ticket 2026-0042',
    'IBAN NL91ABNA0417164300',
    'postcode 1234 AB',
    'version 1.2.3',
    '3 calls, 15 minutes',
  ])('leaves %s alone', (input) => {
    expect(redactText(input)).toBe(input)
    for (const locale of APP_LOCALES) expect(redactText(input, locale)).toBe(input)
  })

  it.each<[AppLocale, string]>([
    ['nl', 'tel.0612345678'],
    ['nl', 'tel.06-12345678'],
    ['nl', 'Tel.020-5550101'],
    ['nl', 'mob.06 12 34 56 78'],
    ['nl', 'nr.0201234567'],
    ['nl', 'bel0612345678'],
    ['hr', 'tel.091 234 5678'],
    ['hr', 'mob.0912345678'],
    ['hr', 'tel.01 234 5678'],
    ['en', 'tel.07911123456'],
    ['en', 'ph.020 7946 0958'],
    ['en', 'tel.+31612345678'],
    ['en', 'ph.+44 20 7946 0958'],
    ['en', 'fax.+31.20.555.0101'],
    ['en', 'tel.0031201234567'],
    ['hr', 'tel.+385912345678'],
  ])('masks a number glued to a word (%s): %s', (locale, input) => {
    const word = input.slice(0, input.search(/[\d+]/))
    expect(redactText(input, locale)).toBe(`${word}${PHONE_MASK}`)
    expect(redactText(`Klant: ${input}, dank.`, locale)).toBe(`Klant: ${word}${PHONE_MASK}, dank.`)
  })

  it('finds international numbers glued to a word whatever the language', () => {
    for (const locale of APP_LOCALES) {
      expect(redactText('tel.+31612345678 en tel.+385 91 234 5678', locale)).toBe(
        `tel.${PHONE_MASK} en tel.${PHONE_MASK}`,
      )
    }
  })

  it('keeps bare reference numbers that a region could read as a number', () => {
    // Valid Zagreb and Washington numbers without a trunk 0 or +: left alone.
    for (const locale of APP_LOCALES) {
      expect(redactText('račun 12345678', locale)).toBe('račun 12345678')
      expect(redactText('order 2026001234', locale)).toBe('order 2026001234')
    }
  })

  it('masks a number next to a reference number without taking the reference', () => {
    expect(redactText('invoice 4411 0612345678')).toBe(`invoice 4411 ${PHONE_MASK}`)
    expect(redactText('0612345678/0201234567')).toBe(`${PHONE_MASK}/${PHONE_MASK}`)
  })

  it('masks inside multi-line notes and keeps everything else', () => {
    const note = 'Klant: "bel me op 06-12345678"\nof mail j.de.vries@example.nl; factuur 4411 (€ 1.250,00) om 11:05'
    expect(redactText(note)).toBe(
      `Klant: "bel me op ${PHONE_MASK}"\nof mail ${EMAIL_MASK}; factuur 4411 (€ 1.250,00) om 11:05`,
    )
  })

  const digit = fc.integer({ min: 0, max: 9 }).map(String)
  const digits = (min: number, max: number) =>
    fc.array(digit, { minLength: min, maxLength: max }).map((list) => list.join(''))
  const separator = fc.constantFrom(' ', '-', '', '.')
  /** Phone numbers in national (0…), international (+…, 00…) shapes, grouped in many ways. */
  const phone = fc.oneof(
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), digits(0, 2), separator, digits(7, 8))
      .map(([n, a, s, b]) => `0${n}${a}${s}${b}`),
    fc
      .tuple(fc.integer({ min: 1, max: 99 }), separator, digits(1, 2), separator, digits(3, 4), separator, digits(4, 4))
      .map(([cc, s1, a, s2, b, s3, c]) => `+${cc}${s1 || ' '}${a}${s2}${b}${s3}${c}`),
    fc.tuple(fc.integer({ min: 1, max: 99 }), digits(9, 10)).map(([cc, rest]) => `00${cc}${rest}`),
  )
  const words = fc
    .array(fc.constantFrom('bel', 'klant', 'račun', 'factuur', 'één', 'en', 'om', 'op', ','), { maxLength: 4 })
    .map((list) => list.join(' '))

  it('masks generated phone numbers wherever they stand in a sentence', () => {
    fc.assert(
      fc.property(words, phone, words, language, (before, number, after, locale) => {
        const out = redactText(`${before} ${number} ${after}`, locale)
        expect(out).toContain(PHONE_MASK)
        expect(out).not.toMatch(/\d{4}/)
      }),
      { numRuns: 400 },
    )
  })

  it('is idempotent and never touches text without digits or @', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), language, (text, locale) => {
        const once = redactText(text, locale)
        expect(redactText(once, locale)).toBe(once)
        if (!/[\d@:]/.test(text)) expect(once).toBe(text)
      }),
      { numRuns: 500 },
    )
  })

  it('never masks dates or times', () => {
    const pad = (n: number) => String(n).padStart(2, '0')
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        language,
        (date, locale) => {
          const iso = date.toISOString()
          const text = `op ${iso.slice(0, 10)} ${iso.slice(11, 16)} en ${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`
          expect(redactText(text, locale)).toBe(text)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('looksLikePhone wants enough digits', () => {
    expect(looksLikePhone('0612')).toBe(false)
    expect(looksLikePhone('+31 6')).toBe(false)
    expect(looksLikePhone('+31 6 1234 5678')).toBe(true)
  })
})

import { createRequire } from 'node:module'
import type { findNumbers as FindNumbers } from 'awesome-phonenumber'
import type { AppLocale } from '../../../shared/locales'

/**
 * The region whose national numbers (0…) a report in each language looks for; numbers written
 * internationally (+31…, 0031…) are found whatever the region. English takes GB, not US: the US
 * plan reads many ten-digit reference numbers as numbers ("order 2026001234" is a valid Washington
 * number), and US numbers written in groups ("(212) 555-0101") are caught by the first pass anyway.
 */
export const PHONE_REGIONS: Readonly<Record<AppLocale, string>> = { en: 'GB', nl: 'NL', hr: 'HR' }

/** No valid number has fewer digits, country code included (Niue: +683 4002). */
const MIN_PHONE_DIGITS = 7

/**
 * A number written with its country code or its trunk 0, as national numbers are in all three
 * regions. libphonenumber also accepts some without ("12345678" is valid in Zagreb), but a bare run
 * of digits is more often a reference number.
 */
const WRITTEN_AS_NUMBER = /^\(?[+0]/

let findNumbers: typeof FindNumbers | undefined

/**
 * Where the valid phone numbers in `text` are, by libphonenumber (awesome-phonenumber, at its
 * default 'valid' leniency). The library loads on first use, so it costs the app's start nothing;
 * text with too few digits for any number is not handed to it at all.
 */
export function findPhoneSpans(text: string, region: string): { start: number; end: number }[] {
  if (countDigits(text) < MIN_PHONE_DIGITS) return []
  findNumbers ??= (createRequire(__filename)('awesome-phonenumber') as { findNumbers: typeof FindNumbers }).findNumbers
  return findNumbers(text, { defaultRegionCode: region })
    .filter((match) => WRITTEN_AS_NUMBER.test(match.text))
    .map(({ start, end }) => ({ start, end }))
}

function countDigits(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) n++
  }
  return n
}

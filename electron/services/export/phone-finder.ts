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

/**
 * A number written with its country code or its trunk 0, as national numbers are in all three
 * regions. libphonenumber also accepts some without ("12345678" is valid in Zagreb), but a bare run
 * of digits is more often a reference number.
 */
const WRITTEN_AS_NUMBER = /^\(?[+0]/

let findNumbers: typeof FindNumbers | undefined

/**
 * Where the valid phone numbers in `text` are, by libphonenumber (awesome-phonenumber, at its
 * default 'valid' leniency). The library loads on first use, so it costs the app's start nothing.
 * It is slow (0.1–0.5 ms a call): hand it short runs of digits, not whole notes.
 */
export function findPhoneNumbers(text: string, region: string): { start: number; end: number }[] {
  findNumbers ??= (createRequire(__filename)('awesome-phonenumber') as { findNumbers: typeof FindNumbers }).findNumbers
  return findNumbers(text, { defaultRegionCode: region })
    .filter((match) => WRITTEN_AS_NUMBER.test(match.text))
    .map(({ start, end }) => ({ start, end }))
}

import type { AppLocale } from '../../../shared/locales'
import { PHONE_REGIONS, findPhoneNumbers } from './phone-finder'

/**
 * Masks phone numbers and e-mail addresses in free text, for exports that leave the agent's
 * machine. Pure and deterministic. Dates, times, amounts and short reference numbers (an invoice
 * 4411, an order 2026001234) are left alone.
 */
export const PHONE_MASK = '[phone]'
export const EMAIL_MASK = '[e-mail]'

/** sip:, sips:, tel: and callto: addresses, with or without a host. */
const URI = /(?<![\p{L}\p{N}])(?:sips?|tel|callto):[^\s<>"',;]+/giu
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
/**
 * A run of digit groups joined by at most two of space, hyphen, dot or slash, each group optionally with
 * a leading + or ( and a closing ). Not glued to letters or other digits, not the hour of a time
 * ("11" in "22 11:05"), and not after a dot unless the dot ends a word ("tel.0612345678", but not
 * the "500" in "12.500").
 */
const CANDIDATE =
  /(?<![\p{L}\p{N}_@+])(?<!(?:^|[^\p{L}])\.)\+?\(?\d+\)?(?:[ \u00a0./-]{0,2}\+?\(?\d+\)?)*(?![\p{L}\p{N}_@]|:\d)/gu
const GROUP = /\+?\(?\d+\)?/g
const DATE_SHAPES = [/^\d{4}([-./])\d{1,2}\1\d{1,2}$/, /^\d{1,2}([-./])\d{1,2}\1\d{2,4}$/]

/**
 * Replaces every phone number and e-mail address in `text` with a mask. Two passes: the patterns
 * here, then libphonenumber for what they cannot see, such as a number glued to a word
 * ("tel.0612345678"), read in the region of the report's language (see PHONE_REGIONS).
 */
export function redactText(text: string, language: AppLocale = 'en'): string {
  if (text === '') return text
  const masked = text.replace(URI, PHONE_MASK).replace(EMAIL, EMAIL_MASK).replace(CANDIDATE, maskPhonesIn)
  return maskFound(masked, PHONE_REGIONS[language])
}

/** What the second pass looks at: a run of digits and the punctuation numbers are written with. */
const WINDOW = /[+(]?\d[\d \u00a0()./-]*/g
/** No valid number has fewer digits, country code included (Niue: +683 4002). */
const MIN_PHONE_DIGITS = 7
/** Some digit group starts with +, ( or 0: without one, libphonenumber's finds are refused anyway. */
const GROUP_AS_NUMBER = /(?:^|\D)\(?[+0]/

/**
 * The second pass: masks the valid numbers libphonenumber finds in what the first pass left. Only
 * runs that could hold one (enough digits, not a date) are handed to it, as it is slow.
 */
function maskFound(text: string, region: string): string {
  if (countDigits(text) < MIN_PHONE_DIGITS) return text
  let out = ''
  let copied = 0
  for (const window of text.matchAll(WINDOW)) {
    const run = window[0]
    if (countDigits(run) < MIN_PHONE_DIGITS || !GROUP_AS_NUMBER.test(run) || isDate(run.trim())) continue
    for (const { start, end } of findPhoneNumbers(run, region)) {
      out += text.slice(copied, window.index + start) + PHONE_MASK
      copied = window.index + end
    }
  }
  return copied === 0 ? text : out + text.slice(copied)
}

function countDigits(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 48 && code <= 57) n++
  }
  return n
}

const isDate = (candidate: string) => DATE_SHAPES.some((shape) => shape.test(candidate))

/** Whether a run of digits and separators, as a whole, reads as a phone number. */
export function looksLikePhone(candidate: string): boolean {
  if (isDate(candidate)) return false
  const digits = candidate.replace(/\D/g, '')
  const n = digits.length
  const bare = candidate.replace(/^\(/, '')
  if (candidate.startsWith('+')) return n >= 8 && n <= 15
  if (bare.startsWith('00')) return n >= 10 && n <= 17
  if (bare.startsWith('0')) return n >= 9 && n <= 12
  // A number without a leading 0 or +, e.g. "(212) 555-0101": only with 10 or 11 digits written in
  // groups, so a bare reference number or an amount with dots is not taken for one.
  return (n === 10 || n === 11) && /[ \u00a0()-]/.test(candidate) && !/[./]/.test(candidate)
}

/**
 * Masks the phone numbers inside one candidate run: the longest span of whole groups that reads
 * as a phone number, from each group on ("invoice 4411 0612345678" keeps 4411).
 */
function maskPhonesIn(run: string): string {
  const groups = [...run.matchAll(GROUP)].map((match) => ({ start: match.index, end: match.index + match[0].length }))
  let out = ''
  let copied = 0
  let i = 0
  while (i < groups.length) {
    let masked = false
    for (let j = groups.length - 1; j >= i; j--) {
      const start = groups[i]?.start ?? 0
      const end = groups[j]?.end ?? 0
      if (looksLikePhone(run.slice(start, end))) {
        out += run.slice(copied, start) + PHONE_MASK
        copied = end
        i = j + 1
        masked = true
        break
      }
    }
    if (!masked) i++
  }
  return out + run.slice(copied)
}

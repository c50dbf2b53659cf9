import type { Db } from './database'

/** Letters that are not "letter + accent" in Unicode, so NFD does not split them. */
const SPECIAL: Record<string, string> = { đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ı: 'i', ħ: 'h', Ħ: 'H' }

/**
 * Text as it is put into the search index: diacritics removed and letters such as Croatian đ
 * turned into their base letter, so "vrijedao" finds "vrijeđao". Keeps one character per
 * character, so the index's token positions still fit the original text for snippets.
 */
export function foldForSearch(text: string): string {
  return text
    .replace(/[đĐłŁøØıħĦ]/g, (letter) => SPECIAL[letter] ?? letter)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
}

/** Registers `calmdeck_fold(text)` on a connection; the notes search triggers use it. */
export function registerFold(db: Db): void {
  db.function('calmdeck_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldForSearch(text) : text,
  )
}

import { describe, expect, it } from 'vitest'
import { findFontDir } from '../../../electron/services/export/font-dir'
import { createPdfDocument, type PdfDoc } from '../../../electron/services/export/pdf-document'
import { fontsIn } from '../../../electron/services/export/pdf-style'

/** How many fonts pdfkit has opened (parsed from their files) so far: not in its types. */
const fontsOpened = (doc: PdfDoc) => (doc as unknown as { _fontCount: number })._fontCount

describe('createPdfDocument', () => {
  it('parses each report font once, however often the drawing switches between them', () => {
    const doc = createPdfDocument({ size: 'A4' }, fontsIn(findFontDir()))
    doc.font('bold').font('regular')
    const opened = fontsOpened(doc)
    for (let i = 0; i < 5; i++) doc.font('regular').font('bold').font('regular')
    expect(fontsOpened(doc)).toBe(opened)
    doc.end()
  })
})

import PDFDocument from 'pdfkit'
import type { PdfFonts } from './pdf-style'

export type PdfDoc = InstanceType<typeof PDFDocument>

/**
 * A PDF document with the report's fonts registered as 'regular' and 'bold', each parsed once.
 *
 * Not also opened as the document's default font: pdfkit caches a font under the key it was first
 * opened by, so a document started on the regular font's file and then asked for 'regular' parsed
 * that file again on every switch (~15 ms each; a 60-call shift took ~900 ms instead of ~150).
 * The default (a standard font) is never used, so never embedded.
 */
export function createPdfDocument(options: Omit<PDFKit.PDFDocumentOptions, 'font'>, fonts: PdfFonts): PdfDoc {
  const doc = new PDFDocument(options)
  doc.registerFont('regular', fonts.regular)
  doc.registerFont('bold', fonts.bold)
  return doc.font('regular')
}

import path from 'node:path'

/** Colours, sizes and fonts of the printable report: one place to tune its look. */
export const pdfStyle = {
  page: { size: 'A4' as const, marginX: 54, top: 66, bottom: 62 },
  color: {
    ink: '#1f2933',
    muted: '#5f6b7a',
    faint: '#9aa5b1',
    rule: '#d9e2ec',
    zebra: '#f4f7fa',
    panel: '#eef3f8',
    brand: '#2f6fb2',
    call: '#8fb0d6',
    hard: '#c0392b',
    boundary: '#e69a16',
    abuse: '#6e1a12',
    supervisor: '#7d3c98',
  },
  size: { title: 19, subtitle: 11.5, h2: 12.5, h3: 10.5, body: 9.5, small: 8.5, tiny: 7.5 },
}

/** The fonts shipped in resources/fonts (DejaVu Sans: Latin with č ć ž š đ ë, free licence). */
export interface PdfFonts {
  regular: string
  bold: string
}

export function fontsIn(dir: string): PdfFonts {
  return { regular: path.join(dir, 'DejaVuSans.ttf'), bold: path.join(dir, 'DejaVuSans-Bold.ttf') }
}

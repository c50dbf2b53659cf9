import type { HostTexts } from '../en/host'

export const hr: HostTexts = {
  /** The tray icon's tooltip and menu. */
  tray: {
    tooltip: 'CalmDeck',
    show: 'Prikaži',
    hide: 'Sakrij',
    quit: 'Izađi',
  },
  /** The recovery break's notification and tray countdown; {time} is e.g. "4 min". */
  recovery: {
    over: 'Predah je gotov. Dobro došli natrag.',
    left: 'predah, još {time}',
  },
  /** Every text a rendered report uses (Markdown, PDF, CSV labels). */
  report: {
    title: 'Izvješće o incidentima na kraju smjene',
    range: 'Razdoblje',
    timeZone: 'Vremenska zona',
    generated: 'Izrađeno',
    redactedNote: 'Brojevi telefona i adrese e-pošte u ovom su izvješću prikriveni.',
    emptyRange: 'U ovom razdoblju nisu zabilježeni pozivi ni incidenti.',
    summary: 'Sažetak',
    remark: 'Završna napomena',
    timeline: 'Vremenska crta',
    legendCall: 'Poziv',
    legendHard: 'Težak poziv',
    legendBoundary: 'Upozorenje o granici',
    legendAbuse: 'Prekinuto zbog uvreda',
    legendSupervisor: 'Nadređeni',
    calls: 'Pozivi',
    hardCalls: 'Teški pozivi',
    talkTime: 'Ukupno vrijeme razgovora',
    boundaryWarnings: 'Upozorenja o granici',
    abuseEnds: 'Prekinuto zbog uvreda',
    supervisorHandovers: 'Predano nadređenom',
    promisesOpen: 'Otvorena obećanja',
    followUpsOpen: 'Otvorena praćenja',
    recoveryBreaks: 'Uzete pauze za oporavak',
    walkIns: 'Incidenti bez poziva',
    hardCallsSection: 'Teški pozivi u cijelosti',
    otherCallsSection: 'Ostali pozivi',
    walkInsSection: 'Incidenti bez poziva',
    noOtherCalls: 'Nema.',
    start: 'Početak',
    end: 'Kraj',
    duration: 'Trajanje',
    caller: 'Pozivatelj',
    direction: 'Smjer',
    inbound: 'dolazni',
    outbound: 'odlazni',
    unknownCaller: 'broj nije spremljen',
    inProgress: 'u tijeku',
    events: 'Događaji',
    time: 'Vrijeme',
    event: 'Događaj',
    note: 'Bilješka',
    noNote: 'Za ovaj poziv nije napisana bilješka.',
    whatHappened: 'Što se dogodilo',
    callerWants: 'Što pozivatelj želi',
    resolved: 'Što je riješeno',
    freeText: 'Bilješke',
    promisesAndFollowUps: 'Obećanja i praćenja',
    promise: 'Obećanje',
    followUp: 'Praćenje',
    due: 'rok',
    done: 'gotovo',
    open: 'otvoreno',
    call: 'Poziv',
    page: (n, total) => `Stranica ${n} od ${total}`,
    recoveryValue: (count, minutes) => `${count} (${minutes})`,
    eventCount: (n) => {
      const mod10 = n % 10
      const mod100 = n % 100
      if (mod10 === 1 && mod100 !== 11) return `${n} događaj`
      if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} događaja`
      return `${n} događaja`
    },
  },
}

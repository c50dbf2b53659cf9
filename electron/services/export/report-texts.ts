import type { AppLocale } from '../../../shared/locales'

/** Every text a rendered report uses (Markdown, PDF, CSV labels), in the report's language. */
export interface ReportTexts {
  title: string
  range: string
  timeZone: string
  generated: string
  redactedNote: string
  emptyRange: string
  summary: string
  remark: string
  timeline: string
  legendCall: string
  legendHard: string
  legendBoundary: string
  legendAbuse: string
  legendSupervisor: string
  calls: string
  hardCalls: string
  talkTime: string
  boundaryWarnings: string
  abuseEnds: string
  supervisorHandovers: string
  promisesOpen: string
  followUpsOpen: string
  recoveryBreaks: string
  walkIns: string
  hardCallsSection: string
  otherCallsSection: string
  walkInsSection: string
  noOtherCalls: string
  start: string
  end: string
  duration: string
  caller: string
  direction: string
  inbound: string
  outbound: string
  unknownCaller: string
  inProgress: string
  events: string
  time: string
  event: string
  note: string
  noNote: string
  whatHappened: string
  callerWants: string
  resolved: string
  freeText: string
  promisesAndFollowUps: string
  promise: string
  followUp: string
  due: string
  done: string
  open: string
  call: string
  page: (n: number, total: number) => string
  recoveryValue: (count: number, minutes: string) => string
  eventCount: (n: number) => string
}

const en: ReportTexts = {
  title: 'End-of-shift incident report',
  range: 'Period',
  timeZone: 'Time zone',
  generated: 'Generated',
  redactedNote: 'Phone numbers and e-mail addresses are masked in this report.',
  emptyRange: 'No calls and no incidents were recorded in this period.',
  summary: 'Summary',
  remark: 'Closing remark',
  timeline: 'Timeline',
  legendCall: 'Call',
  legendHard: 'Hard call',
  legendBoundary: 'Boundary warning',
  legendAbuse: 'Ended for abuse',
  legendSupervisor: 'Supervisor',
  calls: 'Calls',
  hardCalls: 'Hard calls',
  talkTime: 'Total talk time',
  boundaryWarnings: 'Boundary warnings',
  abuseEnds: 'Calls ended for abuse',
  supervisorHandovers: 'Supervisor handovers',
  promisesOpen: 'Promises open',
  followUpsOpen: 'Follow-ups open',
  recoveryBreaks: 'Recovery breaks taken',
  walkIns: 'Walk-in incidents',
  hardCallsSection: 'Hard calls in full',
  otherCallsSection: 'Other calls',
  walkInsSection: 'Incidents without a call',
  noOtherCalls: 'None.',
  start: 'Start',
  end: 'End',
  duration: 'Duration',
  caller: 'Caller',
  direction: 'Direction',
  inbound: 'inbound',
  outbound: 'outbound',
  unknownCaller: 'number not stored',
  inProgress: 'in progress',
  events: 'Events',
  time: 'Time',
  event: 'Event',
  note: 'Note',
  noNote: 'No note was written for this call.',
  whatHappened: 'What happened',
  callerWants: 'What the caller wants',
  resolved: 'What was resolved',
  freeText: 'Notes',
  promisesAndFollowUps: 'Promises and follow-ups',
  promise: 'Promise',
  followUp: 'Follow-up',
  due: 'due',
  done: 'done',
  open: 'open',
  call: 'Call',
  page: (n, total) => `Page ${n} of ${total}`,
  recoveryValue: (count, minutes) => `${count} (${minutes})`,
  eventCount: (n) => (n === 1 ? '1 event' : `${n} events`),
}

const nl: ReportTexts = {
  title: 'Incidentrapport einde dienst',
  range: 'Periode',
  timeZone: 'Tijdzone',
  generated: 'Gemaakt',
  redactedNote: 'Telefoonnummers en e-mailadressen zijn in dit rapport afgeschermd.',
  emptyRange: 'In deze periode zijn geen gesprekken en geen incidenten vastgelegd.',
  summary: 'Samenvatting',
  remark: 'Slotopmerking',
  timeline: 'Tijdlijn',
  legendCall: 'Gesprek',
  legendHard: 'Moeilijk gesprek',
  legendBoundary: 'Grens aangegeven',
  legendAbuse: 'Beëindigd wegens misbruik',
  legendSupervisor: 'Leidinggevende',
  calls: 'Gesprekken',
  hardCalls: 'Moeilijke gesprekken',
  talkTime: 'Totale gesprekstijd',
  boundaryWarnings: 'Grenzen aangegeven',
  abuseEnds: 'Beëindigd wegens misbruik',
  supervisorHandovers: 'Overgedragen aan leidinggevende',
  promisesOpen: 'Openstaande toezeggingen',
  followUpsOpen: 'Openstaande opvolgingen',
  recoveryBreaks: 'Herstelpauzes genomen',
  walkIns: 'Incidenten zonder gesprek',
  hardCallsSection: 'Moeilijke gesprekken volledig',
  otherCallsSection: 'Overige gesprekken',
  walkInsSection: 'Incidenten zonder gesprek',
  noOtherCalls: 'Geen.',
  start: 'Begin',
  end: 'Einde',
  duration: 'Duur',
  caller: 'Beller',
  direction: 'Richting',
  inbound: 'inkomend',
  outbound: 'uitgaand',
  unknownCaller: 'nummer niet bewaard',
  inProgress: 'bezig',
  events: 'Gebeurtenissen',
  time: 'Tijd',
  event: 'Gebeurtenis',
  note: 'Notitie',
  noNote: 'Voor dit gesprek is geen notitie geschreven.',
  whatHappened: 'Wat er gebeurde',
  callerWants: 'Wat de beller wil',
  resolved: 'Wat is opgelost',
  freeText: 'Notities',
  promisesAndFollowUps: 'Toezeggingen en opvolging',
  promise: 'Toezegging',
  followUp: 'Opvolging',
  due: 'uiterlijk',
  done: 'gedaan',
  open: 'open',
  call: 'Gesprek',
  page: (n, total) => `Pagina ${n} van ${total}`,
  recoveryValue: (count, minutes) => `${count} (${minutes})`,
  eventCount: (n) => (n === 1 ? '1 gebeurtenis' : `${n} gebeurtenissen`),
}

const hr: ReportTexts = {
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
}

export const reportTexts: Record<AppLocale, ReportTexts> = { en, nl, hr }

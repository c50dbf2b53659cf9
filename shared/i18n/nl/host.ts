import type { HostTexts } from '../en/host'

export const nl: HostTexts = {
  /** The tray icon's tooltip and menu. */
  tray: {
    tooltip: 'CalmDeck',
    show: 'Tonen',
    hide: 'Verbergen',
    quit: 'Afsluiten',
  },
  /** The recovery break's notification and tray countdown; {time} is e.g. "4 min". */
  recovery: {
    over: 'Je herstelpauze is voorbij. Welkom terug.',
    left: 'herstelpauze, nog {time}',
  },
  /** `calmdeck policy` (`npm run policy`, the packaged app's `--print-policy`): usage and messages. */
  policyCli: {
    usage: `Gebruik: npm run policy -- [--registry] [--policy <bestand>]
         CalmDeck --print-policy [--registry] [--policy <bestand>]

Toont het machinebeleid dat CalmDeck toepast, als JSON: elke regel met waar die vandaan komt (het
beleidsbestand of het Windows-register) en of de agent die kan wijzigen, wat vergrendeld is, en
elk probleem met zijn pad.
  --registry  lees HKLM\\Software\\Policies\\CalmDeck ook buiten Windows (via een "reg" op het PATH)
  --policy    dit beleidsbestand in plaats van dat van de machine
Afsluitstatus: 0 geen problemen, 1 getoond met problemen, 2 verkeerde argumenten.`,
    wrongArguments: (detail: string): string => `calmdeck policy: verkeerde argumenten (${detail})`,
    failed: 'calmdeck policy: het beleid kon niet worden gelezen.',
  },
  /** Every text a rendered report uses (Markdown, PDF, CSV labels). */
  report: {
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
    cueCalls: 'Gesprekken gevolgd op geluidsniveau',
    callerRaisedTotal: 'Beller luider dan gewoonlijk',
    soundLevels: 'Geluidsniveaus',
    soundLevelsNote:
      'Alleen gemeten aan geluidsniveaus: geen woorden, geen opname. Spreektijd in % van de beluisterde tijd. Luider: seconden boven de gewone stem van die persoon in het gesprek.',
    talkOversNote:
      'Doorheen gepraat: keren dat jij begon te praten terwijl de beller sprak en jullie allebei doorgingen.',
    talkShare: 'Spreektijd',
    shareYou: 'Jij',
    shareCaller: 'Beller',
    shareSilence: 'Stilte',
    talkOvers: 'Doorheen gepraat',
    callerLongest: 'Langste spreekbeurt beller',
    callerRaised: 'Beller luider',
    youRaised: 'Jij luider',
    seconds: (n) => `${n} s`,
    percent: (n) => `${n} %`,
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
  },
  team: {
    helpTitle: (agent) => `${agent} vraagt om hulp`,
    time: 'Tijd',
    callRunning: 'Gesprek loopt',
    noCall: 'geen gesprek open',
    hardCall: 'Zwaar gesprek',
    yes: 'ja',
    no: 'nee',
    flags: 'Kenmerken',
    noFlags: 'geen',
    trigger: 'Gevraagd door',
    triggerAgent: 'de medewerker',
    triggerSupervisor: 'een melding "leidinggevende gevraagd"',
    message: 'Bericht',
    note: 'Notitie (gedeeld door de medewerker)',
    summaryTitle: (agent) => `Dienstoverzicht: ${agent}`,
    period: 'Dienst',
    calls: 'Gesprekken',
    hardCalls: 'Zware gesprekken',
    boundaryWarnings: 'Grenzen aangegeven',
    supervisorRequests: 'Leidinggevende gevraagd',
    breaksOffered: 'Herstelpauzes aangeboden',
    breaksTaken: 'Herstelpauzes genomen',
    testTitle: 'Testbericht van CalmDeck',
    testBody: (agent) => `${agent} heeft CalmDeck met dit kanaal verbonden. Hulpvragen verschijnen hier.`,
    unnamedAgent: 'Een medewerker',
  },
  teamReport: {
    title: 'Teamrapport',
    period: 'Periode',
    generated: 'Gemaakt',
    shifts: 'Diensten',
    agents: 'Medewerkers',
    filesRead: 'Bestanden gelezen',
    perWeek: 'Per week',
    perDay: 'Per dag',
    week: 'Week',
    day: 'Dag',
    group: 'Groep',
    others: 'Overigen (zonder naam)',
    total: 'Team',
    fewerThan5: 'minder dan 5',
    withheld: 'achtergehouden (privacy)',
    trend: 'Verloop per week (team)',
    noShifts: 'Geen dienstbestanden in deze periode.',
    skipped: 'Overgeslagen bestanden',
    file: 'Bestand',
    reason: 'Reden',
    privacy:
      'Namen staan er alleen bij medewerkers die daarvoor hebben gekozen. De anderen worden samen geteld, en een groep van minder dan 5 van hen wordt nooit met cijfers getoond.',
    figures: {
      calls: 'Gesprekken',
      hardCalls: 'Zware gesprekken',
      boundaryWarnings: 'Grenzen aangegeven',
      abuseEnds: 'Beëindigd wegens misbruik',
      supervisorRequests: 'Leidinggevende gevraagd',
      helpRequests: 'Hulpvragen',
      breaksOffered: 'Pauzes aangeboden',
      breaksTaken: 'Pauzes genomen',
      breaksDeclined: 'Pauzes afgeslagen',
      recoveryMinutes: 'Herstelminuten',
      callerRaisedCalls: 'Gesprekken, beller luider',
    },
    reasons: {
      unreadable: 'niet leesbaar',
      'not-json': 'geen JSON (beschadigd?)',
      'not-a-report': 'geen CalmDeck-dienstrapport',
      'not-for-the-team': 'een eigen export (zonder teamgegevens)',
      duplicate: 'dezelfde dienst nog eens (een oudere kopie)',
    },
  },
  cli: {
    required: 'is verplicht',
    mustBe: (values: string): string => `moet ${values} zijn`,
    notValid: 'is niet geldig',
    tooLong: (max: number): string => `mag hoogstens ${max} tekens lang zijn`,
    unknownOption: (option: string): string => `Onbekende optie '${option}'`,
    missingValue: (option: string): string => `${option} heeft een waarde nodig`,
    unexpectedArgument: 'neemt geen losse argumenten',
    unreadable: 'onleesbare argumenten',
    isoMoment: (example: string): string => `moet een ISO-datum of datum-tijd zijn, bijv. ${example}`,
    toAfterFrom: '--to moet na --from liggen',
    newerData:
      'deze gegevens zijn opgeslagen door een nieuwere versie van CalmDeck. Werk CalmDeck bij. Je gegevens zijn niet veranderd.',
    formatRequired: (formats: string): string => `--format is verplicht (${formats})`,
    export: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Gebruik: npm run export -- --from <ISO-datum/tijd> --to <ISO-datum/tijd> --format ${formatNames} --out <pad>
                           [--data-dir <map>] [--redact] [--force] [--lang ${languages}] [--remark <tekst>]

Schrijft het incidentrapport van CalmDeck voor [from, to) naar één bestand. Leest de gegevens zonder
ze te veranderen, ook terwijl CalmDeck draait.
  --from, --to  2026-11-22 (lokale middernacht), 2026-11-22T08:00 (lokale tijd) of met een offset/Z
  --format      ${formats} (mag weg als --out op een daarvan eindigt)
  --out         het bestand om te schrijven, of een bestaande map (dan krijgt het een naam met de periode)
  --data-dir    de gegevensmap van CalmDeck (standaard: die van de desktop-app)
  --redact      telefoonnummers en e-mailadressen maskeren
  --force       een bestaand bestand vervangen
  --lang        taal van het rapport (standaard: de taalinstelling van CalmDeck, anders die van het systeem)
  --remark      een slotopmerking om op te nemen`,
      written: (file: string, calls: number, hard: number): string =>
        `${file} (${calls} ${calls === 1 ? 'gesprek' : 'gesprekken'}, ${hard} zwaar)`,
      redactLocked: 'maskeren is ingesteld door je organisatie: voeg --redact toe. Er is niets geschreven.',
      noData: (folder: string): string => `er staan geen CalmDeck-gegevens in ${folder}.`,
      exists: (file: string): string =>
        `${file} bestaat al. Er is niets overschreven (voeg --force toe om het te vervangen).`,
      noFolder: (folder: string): string => `de map ${folder} bestaat niet.`,
      failed: (reason: string): string => `het rapport kon niet worden gemaakt (${reason}).`,
    },
    teamReport: {
      usage: (formats: string, formatNames: string, languages: string): string =>
        `Gebruik: npm run team-report -- --in <map> --from <ISO-datum> --to <ISO-datum> --format ${formatNames} --out <pad>
                                [--lang ${languages}] [--force]

Leest elk dienstbestand (JSON) in een teammap van CalmDeck en schrijft de cijfers van het team per dag
en per week voor de diensten die in [from, to) beginnen. Bestanden die beschadigd zijn, niet van
CalmDeck of persoonlijke exports, worden genoemd en overgeslagen; dezelfde dienst twee keer telt één
keer. Medewerkers die hun naam niet tonen, worden samen geteld, en een groep van minder dan 5 van hen
wordt nooit als cijfers getoond.
  --in          de teammap
  --from, --to  2026-01-01 (lokale middernacht), 2026-01-01T08:00 (lokale tijd) of met een offset/Z
  --format      ${formats} (mag weg als --out op een daarvan eindigt)
  --out         het bestand om te schrijven, of een bestaande map (dan krijgt het een naam met de periode)
  --lang        taal van het rapport (standaard: de taalinstelling van CalmDeck, anders die van het systeem)
  --force       een bestaand bestand vervangen`,
      skipped: (file: string, reason: string): string => `${file} overgeslagen (${reason})`,
      written: (file: string, shifts: number, agents: number, skipped: number): string =>
        `${file} (${shifts} ${shifts === 1 ? 'dienst' : 'diensten'}, ${agents} ${agents === 1 ? 'medewerker' : 'medewerkers'}, ${skipped} ${skipped === 1 ? 'bestand' : 'bestanden'} overgeslagen)`,
      noFolder: (folder: string): string => `de teammap ${folder} kan niet worden gelezen.`,
      failed: (reason: string): string => `het rapport kon niet worden gemaakt (${reason}).`,
    },
    event: {
      usage: `Gebruik: calmdeck-event <call-incoming|call-start|call-end|call-failed> [nummer] [opties]
     of: calmdeck-event --event <naam> [--number <n>] [--direction in|out] [--id <gesprek-id>]

Vertelt de draaiende CalmDeck over een gesprek van de softphone.
  call-incoming  de telefoon gaat over (er wordt niets vastgelegd tot het gesprek is aangenomen)
  call-start     het gesprek is verbonden: CalmDeck opent een gesprek
  call-end       het gesprek is afgelopen: CalmDeck sluit het
  call-failed    het gesprek kwam nooit tot stand (bezet, geweigerd, niet opgenomen)
Opties:
  --number     het nummer of SIP-adres van de ander (mag ook als los argument)
  --direction  in of out
  --id         de id van het gesprek in de softphone, zodat herhaalde meldingen worden herkend
  --data-dir   de gegevensmap van CalmDeck (standaard: die van de app)
Afsluitstatus: 0 gedaan, 1 CalmDeck draait niet of weigerde de melding, 2 verkeerde argumenten.`,
      seeHelp: '(zie calmdeck-event --help)',
      whichEvent: 'welke melding? bijv. call-start of --event call-start',
      onePlainArgument: 'hoogstens één los argument (het nummer)',
      notRunning: 'CalmDeck draait niet (of de lokale API staat uit).',
      tokenMissing: (folder: string): string => `het tokenbestand van CalmDeck ontbreekt in ${folder}.`,
      noAnswer: 'CalmDeck antwoordde niet op tijd.',
      brokeOff: 'het antwoord van CalmDeck brak af.',
      refused: 'CalmDeck weigerde de melding.',
      connectionRefused: 'CalmDeck draait niet.',
      unreachable: (code: string): string => `CalmDeck was niet bereikbaar (${code}).`,
      notSent: 'de melding kon niet worden verstuurd.',
    },
    web: {
      usage: (
        port: number,
      ): string => `Gebruik: npm run web -- [--port <1-65535>] [--data-dir <map>] [--policy <bestand>]

Biedt CalmDeck aan in de browser op http://127.0.0.1:<poort>/ (alleen loopback).
  --port      poort om op te luisteren (standaard ${port}; 0 kiest een vrije)
  --data-dir  map voor de gegevens van CalmDeck (standaard: de gegevensmap van de desktop-app)
  --policy    policy.json van IT om toe te passen (standaard: geen)`,
      portInUse: (port: number): string => `poort ${port} is al in gebruik. Kies een andere met --port.`,
      notAllowed: (port: number): string => `geen toestemming voor poort ${port} of de gegevensmap.`,
      couldNotStart: (reason: string): string => `kon niet starten (${reason}).`,
      backupFailed: 'de back-up voor het bijwerken van de database is mislukt.',
      damagedRestored: (movedTo: string, restored: string): string =>
        `de database was beschadigd; hij is opzij gezet als ${movedTo} en de back-up van ${restored} is teruggezet.`,
      damagedNew: (movedTo: string): string =>
        `de database was beschadigd; hij is opzij gezet als ${movedTo} en er is een nieuwe begonnen.`,
    },
  },
}

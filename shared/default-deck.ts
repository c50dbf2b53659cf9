import type { Deck } from './deck'

/**
 * The deck CalmDeck ships with: nine phase cards that follow the arc of a difficult call
 * (calm, listen, understand, empathise, apologise, solve, close, document, recover) and three
 * escalation cards that can be opened at any moment (ideal solution, boundary, supervisor).
 *
 * Titles, prompts and phrases are original texts in English, Dutch and Croatian. Prompts speak to
 * the agent; phrases are things to say to the caller (polite "u" in Dutch, "Vi" in Croatian),
 * except on the calm, document and recover cards, where they are short reminders to self.
 */
export const defaultDeck: Deck = {
  format: 'calmdeck.deck',
  version: 1,
  id: 'calmdeck-default',
  name: { en: 'CalmDeck standard', nl: 'CalmDeck standaard', hr: 'CalmDeck standardni špil' },
  defaultLocale: 'en',
  cards: [
    {
      id: 'calm',
      kind: 'phase',
      phraseKind: 'remember',
      title: { en: 'Stay calm', nl: 'Blijf kalm', hr: 'Zadrži mir' },
      prompt: {
        en: 'Breathe slowly, keep your voice level. The anger is aimed at the company, not you.',
        nl: 'Adem rustig, spreek op een gelijkmatige toon. De boosheid geldt het bedrijf, niet jou.',
        hr: 'Diši polako, govori ujednačenim tonom. Ljutnja je upućena tvrtki, ne tebi.',
      },
      phrases: [
        {
          en: 'Breathe out slowly before you answer',
          nl: 'Adem langzaam uit voordat je antwoordt',
          hr: 'Polako izdahni prije nego što odgovoriš',
        },
        {
          en: 'Normal volume; never raise your voice',
          nl: 'Praat op normaal volume, verhef nooit je stem',
          hr: 'Govori normalnom jačinom, nikad ne povisuj glas',
        },
        {
          en: 'Smile: the caller can hear it',
          nl: 'Glimlach: de beller hoort het aan je stem',
          hr: 'Nasmiješi se: osmijeh se čuje u glasu',
        },
      ],
    },
    {
      id: 'listen',
      kind: 'phase',
      title: { en: 'Listen fully', nl: 'Laat uitpraten', hr: 'Saslušaj do kraja' },
      prompt: {
        en: 'Let them vent to the end. No interrupting, no arguing, no quoting policy.',
        nl: 'Laat de beller alles kwijt. Niet onderbreken, niet discussiëren, geen regels opsommen.',
        hr: 'Pusti pozivatelja da kaže sve. Ne prekidaj, ne raspravljaj i ne citiraj pravila.',
      },
      phrases: [
        { en: "Yes, I'm here. I'm listening.", nl: 'Ja, ik ben er. Ik luister.', hr: 'Da, tu sam. Slušam Vas.' },
        {
          en: "Go on, I'm writing it all down.",
          nl: 'Gaat u verder, ik schrijf alles mee.',
          hr: 'Nastavite, sve bilježim dok govorite.',
        },
        {
          en: "Take your time. I'll ask my questions when you're done.",
          nl: 'Neemt u rustig de tijd. Mijn vragen stel ik straks.',
          hr: 'Samo polako, pitanja ću postaviti kad završite.',
        },
      ],
    },
    {
      id: 'understand',
      kind: 'phase',
      title: { en: 'Sum it up', nl: 'Vat het samen', hr: 'Sažmi i provjeri' },
      prompt: {
        en: 'Repeat the problem in your own words, let them confirm, then ask fact questions.',
        nl: 'Herhaal het probleem in eigen woorden, laat het bevestigen en vraag naar de feiten.',
        hr: 'Ponovi problem svojim riječima, traži potvrdu pa postavi pitanja o činjenicama.',
      },
      phrases: [
        {
          en: 'So, if I understand you correctly, the delivery never arrived. Is that right?',
          nl: 'Als ik u goed begrijp, is de levering nooit aangekomen. Klopt dat?',
          hr: 'Ako Vas dobro razumijem, pošiljka uopće nije stigla. Je li tako?',
        },
        {
          en: 'When did this start, and what have you tried so far?',
          nl: 'Sinds wanneer speelt dit, en wat heeft u al geprobeerd?',
          hr: 'Otkad traje taj problem i što ste dosad pokušali?',
        },
        {
          en: 'Could you give me the order number, so I can look at the details?',
          nl: 'Wilt u mij het ordernummer geven? Dan bekijk ik de details.',
          hr: 'Možete li mi reći broj narudžbe da pogledam detalje?',
        },
      ],
    },
    {
      id: 'empathise',
      kind: 'phase',
      title: { en: 'Show empathy', nl: 'Toon begrip', hr: 'Pokaži razumijevanje' },
      prompt: {
        en: 'Say you understand how frustrating it is. Be sincere: no forced cheer, no judging.',
        nl: 'Zeg dat je snapt hoe frustrerend dit is. Oprecht: niet geforceerd vrolijk, niet oordelen.',
        hr: 'Reci da razumiješ koliko je to frustrirajuće. Iskreno, bez lažne vedrine i osuđivanja.',
      },
      phrases: [
        {
          en: 'I understand how frustrating this must be for you.',
          nl: 'Ik begrijp goed hoe frustrerend dit voor u moet zijn.',
          hr: 'Razumijem koliko Vas to mora frustrirati.',
        },
        {
          en: "I'd be annoyed too if this happened to me.",
          nl: 'Als mij dit overkwam, zou ik me er ook aan ergeren.',
          hr: 'I mene bi to naljutilo da mi se dogodi.',
        },
        {
          en: "You've lost time over this, and that's not how it should be.",
          nl: 'U bent hier veel tijd aan kwijt geweest, en zo hoort het niet.',
          hr: 'Izgubili ste puno vremena zbog ovoga i tako ne bi smjelo biti.',
        },
      ],
    },
    {
      id: 'apologise',
      kind: 'phase',
      title: { en: 'Apologise', nl: 'Bied excuses aan', hr: 'Ispričaj se' },
      prompt: {
        en: "Apologise for the trouble. Own real company mistakes; don't blame the caller.",
        nl: 'Excuses voor het ongemak. Erken fouten van het bedrijf, leg de schuld niet bij de beller.',
        hr: 'Ispričaj se zbog neugodnosti. Priznaj stvarne pogreške tvrtke, ne krivi pozivatelja.',
      },
      phrases: [
        {
          en: "I'm sorry for the inconvenience this has caused you.",
          nl: 'Het spijt me dat u hier zoveel last van heeft gehad.',
          hr: 'Žao mi je zbog neugodnosti koje ste imali.',
        },
        {
          en: 'You are right, we made a mistake here, and I apologise for that.',
          nl: 'U heeft gelijk, hier is bij ons iets misgegaan. Mijn excuses daarvoor.',
          hr: 'U pravu ste, ovdje smo pogriješili i ispričavam se zbog toga.',
        },
        {
          en: "That's not what we want for you. Let's see together what we can do.",
          nl: 'Zo hoort het voor u niet te gaan. Laten we samen kijken wat er mogelijk is.',
          hr: 'To nije ono što želimo za Vas. Pogledajmo zajedno što možemo učiniti.',
        },
      ],
    },
    {
      id: 'solve',
      kind: 'phase',
      title: { en: 'Find a solution', nl: 'Zoek een oplossing', hr: 'Nađi rješenje' },
      prompt: {
        en: "Offer options, decide together. Promise to try; never promise what you can't deliver.",
        nl: 'Bied opties, kies samen. Beloof dat je het probeert, nooit wat je niet kunt waarmaken.',
        hr: 'Ponudi opcije i dogovorite se. Obećaj trud, nikad ono što ne možeš ispuniti.',
      },
      phrases: [
        {
          en: 'I can offer you two options: a replacement or a refund. Which suits you better?',
          nl: 'Ik kan u twee opties bieden: een vervanging of uw geld terug. Wat heeft uw voorkeur?',
          hr: 'Mogu Vam ponuditi dvije mogućnosti: zamjenu ili povrat novca. Što Vam više odgovara?',
        },
        {
          en: "What if we tackle it this way? I'll do my best to have it sorted by Friday.",
          nl: 'Wat als we het zo aanpakken? Ik doe mijn best om het vóór vrijdag te regelen.',
          hr: 'Što kažete da to riješimo ovako? Potrudit ću se da bude gotovo do petka.',
        },
        {
          en: "This is one for our billing team. I'll connect you to the right person now.",
          nl: 'Dit hoort bij onze afdeling facturatie. Ik verbind u nu door met de juiste persoon.',
          hr: 'Za to je zadužen naš odjel naplate. Sad ću Vas spojiti s pravom osobom.',
        },
      ],
    },
    {
      id: 'close',
      kind: 'phase',
      title: { en: 'Close well', nl: 'Rond netjes af', hr: 'Zaključi razgovor' },
      prompt: {
        en: 'Thank them for raising it. Confirm the next steps and every promise made.',
        nl: 'Bedank voor de melding. Bevestig de vervolgstappen en elke gedane toezegging.',
        hr: 'Zahvali na prijavi problema. Potvrdi sljedeće korake i svako dano obećanje.',
      },
      phrases: [
        {
          en: 'Thank you for letting us know. It helps us do better.',
          nl: 'Bedankt dat u dit bij ons heeft gemeld. Zo kunnen we het beter doen.',
          hr: 'Hvala Vam što ste nam ovo prijavili, to nam pomaže da budemo bolji.',
        },
        {
          en: "To confirm: I'll email you the new date today, and the refund follows within five working days.",
          nl: 'Ter bevestiging: ik mail u vandaag de nieuwe datum en u krijgt uw geld binnen vijf werkdagen terug.',
          hr: 'Da potvrdim: danas Vam e-poštom šaljem novi datum, a povrat novca stiže u roku od pet radnih dana.',
        },
        {
          en: 'Is there anything else I can help you with today?',
          nl: 'Kan ik u vandaag nog ergens anders mee helpen?',
          hr: 'Mogu li Vam danas još u čemu pomoći?',
        },
      ],
    },
    {
      id: 'document',
      kind: 'phase',
      phraseKind: 'remember',
      title: { en: 'Write it down', nl: 'Leg het vast', hr: 'Zapiši odmah' },
      prompt: {
        en: 'Make your notes right after the call, while it is fresh. They protect you later.',
        nl: 'Schrijf het direct na het gesprek op, nu het nog vers is. Je notities beschermen je later.',
        hr: 'Zapiši sve odmah nakon poziva, dok je svježe. Bilješke te kasnije štite.',
      },
      phrases: [
        {
          en: 'Date, time and what was said',
          nl: 'Datum, tijd en wat er is gezegd',
          hr: 'Datum, vrijeme i što je rečeno',
        },
        {
          en: 'What was solved, and what is still open',
          nl: 'Wat is opgelost en wat nog openstaat',
          hr: 'Što je riješeno, a što je još otvoreno',
        },
        {
          en: 'Every promise made, with its deadline',
          nl: 'Elke toezegging, met de termijn erbij',
          hr: 'Svako dano obećanje i njegov rok',
        },
      ],
    },
    {
      id: 'recover',
      kind: 'phase',
      phraseKind: 'remember',
      title: { en: 'Recover', nl: 'Kom op adem', hr: 'Predahni' },
      prompt: {
        en: "Take five minutes. Some callers can't be satisfied, and that is not your failure.",
        nl: 'Neem vijf minuten. Niet elke beller is tevreden te stellen; dat ligt niet aan jou.',
        hr: 'Uzmi pet minuta. Neke pozivatelje ništa ne može zadovoljiti i to nije tvoj neuspjeh.',
      },
      phrases: [
        {
          en: 'Stand up, step away, walk a little',
          nl: 'Sta op, loop even weg van je plek',
          hr: 'Ustani, udalji se od stola i prošeći',
        },
        {
          en: 'Drink some water and breathe slowly',
          nl: 'Drink wat water en adem rustig',
          hr: 'Popij vode i diši polako',
        },
        {
          en: "Talk to a colleague; ask for support if it's too heavy",
          nl: 'Praat met een collega; vraag om steun als het te zwaar is',
          hr: 'Porazgovaraj s nekim iz tima; zatraži podršku ako je preteško',
        },
      ],
    },
    {
      id: 'ideal-solution',
      kind: 'escalation',
      title: { en: 'Ideal solution', nl: 'Ideale oplossing', hr: 'Idealno rješenje' },
      prompt: {
        en: 'Ask what they would like to happen. Questions shift the focus from anger to facts.',
        nl: 'Vraag wat de beller wil. Vragen verleggen de aandacht van boosheid naar feiten.',
        hr: 'Pitaj što bi pozivatelj želio. Pitanja usmjeravaju pažnju s ljutnje na činjenice.',
      },
      phrases: [
        {
          en: 'What would be the ideal outcome for you?',
          nl: 'Wat zou voor u de ideale oplossing zijn?',
          hr: 'Kakvo bi rješenje za Vas bilo idealno?',
        },
        {
          en: 'If it were up to you, how would we put this right?',
          nl: 'Als u het voor het zeggen had, hoe zouden we dit dan rechtzetten?',
          hr: 'Da Vi odlučujete, kako bismo ovo ispravili?',
        },
        {
          en: 'What matters most to you here: speed, a refund, or something else?',
          nl: 'Wat is voor u het belangrijkst: snelheid, uw geld terug of iets anders?',
          hr: 'Što Vam je tu najvažnije: brzina, povrat novca ili nešto drugo?',
        },
      ],
    },
    {
      id: 'boundary',
      kind: 'escalation',
      title: { en: 'Set a boundary', nl: 'Stel een grens', hr: 'Postavi granicu' },
      prompt: {
        en: 'Calmly say what happens if the abuse goes on. Follow policy and log the warning.',
        nl: 'Zeg kalm wat er gebeurt als dit doorgaat. Volg het beleid, leg de waarschuwing vast.',
        hr: 'Mirno reci što slijedi ako se vrijeđanje nastavi. Drži se pravila i zabilježi upozorenje.',
      },
      phrases: [
        {
          en: "I want to help you, but I can't continue while I'm being insulted.",
          nl: 'Ik wil u graag helpen, maar niet als ik word uitgescholden.',
          hr: 'Želim Vam pomoći, ali ne mogu nastaviti ako me vrijeđate.',
        },
        {
          en: 'If this language continues, I will end the call.',
          nl: 'Als u op deze toon doorgaat, beëindig ik het gesprek.',
          hr: 'Ako se nastavite tako izražavati, prekinut ću razgovor.',
        },
        {
          en: "As I said, I'm ending the call now. You're welcome to call us back later.",
          nl: 'Zoals aangekondigd beëindig ik nu het gesprek. U kunt ons later opnieuw bellen.',
          hr: 'Kako je najavljeno, sada prekidam razgovor. Slobodno nas nazovite kasnije.',
        },
      ],
    },
    {
      id: 'supervisor',
      kind: 'escalation',
      // A soft hyphen (\u00ad): where "Leidinggevende" may break, as "Leiding-gevende", in a narrow button.
      title: { en: 'Supervisor', nl: 'Leiding\u00adgevende', hr: 'Nadređeni' },
      prompt: {
        en: "It is not personal and not a defeat. Don't argue: hand the call over calmly.",
        nl: 'Niet persoonlijk opvatten en niet discussiëren: draag het gesprek rustig over.',
        hr: 'Ne shvaćaj to osobno i ne raspravljaj se: mirno prebaci poziv.',
      },
      phrases: [
        {
          en: "Of course. I'll put you through to my supervisor.",
          nl: 'Natuurlijk. Ik verbind u door met mijn leidinggevende.',
          hr: 'Naravno. Spojit ću Vas sa svojim nadređenim.',
        },
        {
          en: "I'll fill them in first, so you won't have to explain it all again.",
          nl: 'Ik vertel eerst waar het om gaat, zodat u niet alles opnieuw hoeft uit te leggen.',
          hr: 'Prvo ću ukratko prenijeti o čemu se radi da ne morate sve ponovno objašnjavati.',
        },
        {
          en: "I'm the team lead. I'll take over your case personally.",
          nl: 'Ik ben de teamleider. Ik neem uw zaak persoonlijk over.',
          hr: 'Ja vodim ovaj tim i osobno preuzimam Vaš slučaj.',
        },
      ],
    },
  ],
}

import { computeReadability } from '../../readability/metrics.js';
import type { Rule } from '../../types.js';

/** Object pronouns after "door" become subjects: "door ons" -> "Wij ...". */
const SUBJECT: Record<string, string> = { ons: 'wij', mij: 'ik', hen: 'zij', hun: 'zij', haar: 'zij', hem: 'hij', u: 'u', jou: 'jij', jullie: 'jullie' };

export const passiveVoice: Rule = {
  meta: {
    id: 'passive-voice',
    category: 'readability',
    defaultSeverity: 'info',
    strictSeverity: 'warning',
    description: 'Lijdende vorm ("wordt ... vervangen", "is ... opgehaald"): zeg wie iets doet.',
    rationale:
      'In de lijdende vorm staat niet wie iets doet: "Uw aanvraag is afgewezen" – door wie? Dat maakt een brief afstandelijk en soms onduidelijk: moet de huurder zelf iets doen, of doen wij het? Een zin in de bedrijvende vorm is korter en persoonlijker: "We hebben uw aanvraag afgewezen", "De monteur vervangt uw ketel". De regel herkent vormen van worden en zijn met een voltooid deelwoord, ook scheidbare ("opgehaald") en onregelmatige ("gebracht", "verbroken"). "Is geweest", "is gekomen" en "is verhuisd" zijn geen lijdende vorm. Een toestand als "ons kantoor is gesloten" of "u bent verplicht" telt alleen mee als er staat door wie ("is door de monteur gesloten"): aan de woorden alleen is niet te zien of het een handeling is.',
    presets: ['recommended'],
    fixable: false,
    languages: ['nl'],
    messages: {
      agent: 'Lijdende vorm: "{actual}". Begin met wie het doet: "{subject} ...".',
      noAgent: 'Lijdende vorm: "{actual}". Zeg wie het doet, bijvoorbeeld: "Wij ...".',
    },
    examples: {
      valid: [
        { text: 'De monteur vervangt op dinsdag 12 maart uw cv-ketel.' },
        { text: 'De monteur is gisteren bij u geweest.', note: '"Is geweest" is geen lijdende vorm.' },
        { text: 'Ons kantoor is gesloten op Tweede Paasdag.', note: 'Een toestand, geen handeling.' },
      ],
      invalid: [
        { text: 'Uw cv-ketel wordt op dinsdag 12 maart vervangen.', note: 'Beter: "Op dinsdag 12 maart vervangen we uw cv-ketel."' },
        { text: 'Het grofvuil wordt door ons opgehaald.', note: 'Beter: "Wij halen het grofvuil op."' },
      ],
    },
  },
  check({ doc, config, report }) {
    const r = computeReadability(doc, config);
    for (const s of r.bodySentences) {
      for (const p of r.passives[s.index] ?? []) {
        if (doc.isOpaque(p.start)) continue;
        const actual = doc.text.slice(p.start, p.end);
        if (p.agent) {
          const agentWords: string[] = [];
          for (let i = p.agent.index; i < s.words.length && agentWords.length < 3; i++) {
            const w = s.words[i]!;
            if (w === p.aux || w === p.participle) break;
            agentWords.push(w.text);
          }
          const first = agentWords[0]!.toLowerCase();
          const subject = agentWords.length === 1 && SUBJECT[first] ? SUBJECT[first]! : agentWords.join(' ');
          report({
            messageId: 'agent',
            data: { actual, subject: subject[0]!.toUpperCase() + subject.slice(1) },
            start: p.start,
            end: p.end,
            actual,
          });
        } else {
          report({ messageId: 'noAgent', data: { actual }, start: p.start, end: p.end, actual });
        }
      }
    }
  },
};

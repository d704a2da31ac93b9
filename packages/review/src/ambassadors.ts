// `.huurbrief/ambassadors`: who must sign off the letters in a folder, in CODEOWNERS syntax.
//
//   # comment
//   @incasso = anna@delinde.nl bram@delinde.nl      a team: @name = principals
//   brieven/incasso/          @incasso              pattern, then principals or @teams
//   brieven/incasso/juridisch/ @incasso eva@delinde.nl
//   brieven/incasso/concept-*.md                    no owners: any colleague again
//
// Patterns are gitignore patterns relative to the repository root (the `ignore` library, as for
// .huurbriefignore), matched regardless of case; the last matching line wins, as in CODEOWNERS.
// Principals are the names of .huurbrief/allowed_signers. A line we cannot read is an error that
// names the file and the line (never skipped, unlike GitHub's CODEOWNERS).
import ignore, { type Ignore } from 'ignore';

export class AmbassadorsError extends Error {
  override readonly name = 'AmbassadorsError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

export interface AmbassadorTeam {
  name: string;
  members: string[];
  /** 1-based line of the definition. */
  line: number;
}

export interface AmbassadorRule {
  /** The pattern as written (escapes kept). */
  pattern: string;
  /** Owners as written: principals and `@team` names. */
  owners: string[];
  /** The owners with teams expanded: principals, in order, without duplicates (case-insensitive). */
  ambassadors: string[];
  /** 1-based line in the file. */
  line: number;
}

export interface Ambassadors {
  /** The file as named in messages (`.huurbrief/ambassadors`, or with the base it came from). */
  file: string;
  rules: AmbassadorRule[];
  teams: AmbassadorTeam[];
}

/** What the matched rule says for one path. */
export interface AmbassadorMatch {
  file: string;
  rule: AmbassadorRule;
}

const TEAM_NAME = /^@[A-Za-z0-9][A-Za-z0-9._/-]*$/;
/** As `huurbrief review keys add` accepts a principal, and not a team. */
const PRINCIPAL = /^[^\s,"*?!@=][^\s,"*?!=]*$/;

/** Splits on unescaped whitespace; `\ ` keeps a space in a pattern. Stops at a `#` that starts a word. */
function tokenize(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      cur += ch + line[i + 1];
      started = true;
      i++;
    } else if (ch === ' ' || ch === '\t') {
      if (started) out.push(cur);
      cur = '';
      started = false;
    } else if (ch === '#' && !started) {
      break;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (started) out.push(cur);
  return out;
}

const matchers = new WeakMap<AmbassadorRule, Ignore>();

/** Parses `.huurbrief/ambassadors`. Throws AmbassadorsError naming the file and line. */
export function parseAmbassadors(text: string, file: string): Ambassadors {
  const teams = new Map<string, AmbassadorTeam>();
  const raw: { pattern: string; owners: string[]; line: number }[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n|\r/).forEach((source, i) => {
    const lineNo = i + 1;
    const fail = (reason: string): never => {
      throw new AmbassadorsError(file, lineNo, reason);
    };
    const line = source.trim();
    if (!line || line.startsWith('#')) return;
    const team = /^(@\S*?)\s*=(.*)$/.exec(line);
    if (team) {
      const name = team[1]!;
      if (!TEAM_NAME.test(name)) fail(`"${name}" is geen geldige teamnaam (letters, cijfers, . _ - en /, na de @)`);
      const key = name.toLowerCase();
      const earlier = teams.get(key);
      if (earlier) fail(`team ${name} is al gedefinieerd op regel ${earlier.line}`);
      const members = tokenize(team[2]!);
      if (!members.length) fail(`team ${name} heeft geen leden; zet de namen achter het =-teken`);
      for (const m of members) {
        if (m.startsWith('@')) fail(`team ${name} bevat ${m}; een team bevat alleen namen uit .huurbrief/allowed_signers, geen andere teams`);
        if (!PRINCIPAL.test(m)) fail(`"${m}" in team ${name} is geen geldige naam (het e-mailadres zoals in .huurbrief/allowed_signers; geen komma's, aanhalingstekens, = of jokertekens * ? !)`);
      }
      teams.set(key, { name, members, line: lineNo });
      return;
    }
    const tokens = tokenize(line);
    if (!tokens.length) return;
    const [pattern, ...owners] = tokens as [string, ...string[]];
    if (pattern.startsWith('@')) fail(`een regel begint met een patroon, niet met ${pattern}; een team definieert u met "${pattern} = naam naam"`);
    if (pattern.startsWith('!')) fail(`"${pattern}": uitzonderingen met ! kan niet (net als in CODEOWNERS); zet lager in het bestand een regel met het patroon zonder ambassadeurs`);
    if (pattern === '=' || owners.includes('=')) fail('= hoort alleen in een teamdefinitie ("@team = naam naam")');
    for (const o of owners) {
      if (o.startsWith('@')) {
        if (!TEAM_NAME.test(o)) fail(`"${o}" is geen geldige teamnaam`);
      } else if (!PRINCIPAL.test(o)) {
        fail(`"${o}" is geen geldige naam (het e-mailadres zoals in .huurbrief/allowed_signers, of een @team; geen komma's, aanhalingstekens of jokertekens * ? !)`);
      }
    }
    try {
      ignore().add(pattern).ignores('x');
    } catch (error) {
      fail(`patroon "${pattern}" is ongeldig: ${(error as Error).message}`);
    }
    raw.push({ pattern, owners, line: lineNo });
  });

  const rules = raw.map(({ pattern, owners, line }): AmbassadorRule => {
    const seen = new Set<string>();
    const ambassadors: string[] = [];
    for (const o of owners) {
      let names: string[];
      if (o.startsWith('@')) {
        const t = teams.get(o.toLowerCase());
        if (!t) {
          const known = [...teams.values()].map((x) => x.name);
          throw new AmbassadorsError(file, line, `onbekend team ${o}${known.length ? ` (gedefinieerd: ${known.join(', ')})` : ' (er zijn geen teams gedefinieerd; definieer het met "' + o + ' = naam naam")'}`);
        }
        names = t.members;
      } else names = [o];
      for (const n of names) {
        if (seen.has(n.toLowerCase())) continue;
        seen.add(n.toLowerCase());
        ambassadors.push(n);
      }
    }
    const rule: AmbassadorRule = { pattern, owners, ambassadors, line };
    matchers.set(rule, ignore().add(pattern));
    return rule;
  });
  return { file, rules, teams: [...teams.values()] };
}

/** The rule for a repo-relative path: the last line whose pattern matches (CODEOWNERS), if any. */
export function ambassadorRuleFor(ambassadors: Ambassadors, path: string): AmbassadorMatch | undefined {
  for (let i = ambassadors.rules.length - 1; i >= 0; i--) {
    const rule = ambassadors.rules[i]!;
    let m = matchers.get(rule);
    if (!m) matchers.set(rule, (m = ignore().add(rule.pattern)));
    if (m.ignores(path)) return { file: ambassadors.file, rule };
  }
  return undefined;
}

/** Every principal named in the file (rules and teams), with the first line naming it. */
export function ambassadorPrincipals(ambassadors: Ambassadors): Map<string, { name: string; line: number }> {
  const out = new Map<string, { name: string; line: number }>();
  const add = (name: string, line: number) => {
    const key = name.toLowerCase();
    const prev = out.get(key);
    if (!prev || prev.line > line) out.set(key, { name, line });
  };
  for (const t of ambassadors.teams) for (const m of t.members) add(m, t.line);
  for (const r of ambassadors.rules) for (const o of r.owners) if (!o.startsWith('@')) add(o, r.line);
  return out;
}

import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { Option, type Command } from 'commander';
import { CONFIG_FILES } from '@huurbrief/core/node';
import { UsageError } from '../errors.js';

export const PRESET_CHOICES = ['recommended', 'strict'] as const;
export const LEVEL_CHOICES = ['A2', 'B1', 'B2', 'C1'] as const;
type Preset = (typeof PRESET_CHOICES)[number];
type Level = (typeof LEVEL_CHOICES)[number];

export interface InitFlags {
  preset?: Preset;
  level?: Level;
  force?: boolean;
}

/** How init talks to the user; a terminal asks, anything else does not. */
export interface InitIo {
  interactive: boolean;
  ask(question: string): Promise<string>;
  say(text: string): void;
}

export function register(program: Command): void {
  program
    .command('init')
    .description('maak een huurbrief.config.json met uitleg in commentaar in de huidige map')
    .addOption(new Option('--preset <naam>', 'basisregels: recommended (aanbevolen) of strict (strenger)').choices([...PRESET_CHOICES]))
    .addOption(new Option('--level <niveau>', 'taalniveau waarop de brieven mikken (B1 is het advies voor huurders)').choices([...LEVEL_CHOICES]))
    .option('--force', 'overschrijf een bestaand configbestand')
    .addHelpText(
      'after',
      `
Op een terminal vraagt init naar de preset en het taalniveau (tenzij --preset en --level zijn gegeven);
anders vraagt init niets en kiest recommended en B1.

Uitvoercodes: 0 geschreven, 2 er is al een configbestand (gebruik --force) of het bestand kan niet geschreven worden.

Voorbeelden:
  huurbrief init
  huurbrief init --preset strict --level B1
  huurbrief init --force`,
    )
    .action(async (flags: InitFlags) => {
      const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
      // Lines are read from an iterator, so answers typed ahead are kept and
      // end of input (Ctrl+D) means "take the default" instead of a crash.
      const rl = interactive ? createInterface({ input: process.stdin, terminal: false }) : undefined;
      const lines = rl?.[Symbol.asyncIterator]();
      try {
        await initCommand(process.cwd(), flags, {
          interactive,
          ask: async (q) => {
            process.stdout.write(q);
            const next = lines ? await lines.next() : { done: true as const, value: undefined };
            if (next.done) process.stdout.write('\n');
            return next.done ? '' : String(next.value);
          },
          say: (t) => process.stdout.write(t),
        });
      } finally {
        rl?.close();
      }
      process.exitCode = 0;
    });
}

/**
 * Where the editor finds the schema: @huurbrief/core installed in the repository (or a folder
 * above it), relative to the config, so the path works on every colleague's machine. A CLI
 * installed globally is not in the repository: its path exists only on this machine, so the
 * config then names the published schema instead.
 */
export function schemaReference(dir: string): string {
  for (let d = resolve(dir); ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', '@huurbrief', 'core', 'config-schema.json');
    if (existsSync(candidate)) return toRelative(dir, candidate);
    if (dirname(d) === d) break;
  }
  return 'https://huurbrief.nl/config-schema.json';
}

function toRelative(dir: string, file: string): string {
  const rel = relative(resolve(dir), file).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** The starter config: JSON with comments (huurbrief reads comments in its config files). */
export function starterConfig(preset: Preset, level: Level, schema: string): string {
  return `{
  // Met dit schema vult uw editor sleutels en regelnamen aan en controleert ze.
  "$schema": ${JSON.stringify(schema)},

  // De basisregels: "huurbrief:recommended" (aanbevolen) of "huurbrief:strict" (strenger,
  // met extra regels en kortere zinnen).
  "extends": ["huurbrief:${preset}"],

  // Het taalniveau waarop uw brieven mikken. B1 is het advies voor brieven aan huurders:
  // zo'n 80% van de Nederlanders begrijpt dat. A2 is nog eenvoudiger.
  "level": "${level}",

  // Regels anders instellen: "off", "info", "warn", "error" of ["warn", { opties }].
  // Alle regels: huurbrief rules. Uitleg en opties per regel: huurbrief explain <regel>.
  "rules": {
    // "sentence-length": ["error", { "warning": 18, "error": 25 }],
    // "plain-words": "error"
  },

  // Uw eigen IBAN-nummers, telefoonnummers en e-maildomeinen: daarover geeft de
  // privacycontrole geen melding.
  "organisatie": {
    // "naam": "Woonstichting Voorbeeld",
    "iban": [],
    "telefoon": [],
    "domeinen": []
  },

  // Huisstijl: woorden die uw organisatie vermijdt (met wat u wél schrijft), voorkeurswoorden
  // (woord) met de vormen die u vervangt (gebruik), en woorden die nooit een melding geven.
  "woorden": {
    "vermijden": [
      // { "woord": "klant", "gebruik": "huurder", "uitleg": "Wij schrijven aan huurders." }
    ],
    "voorkeur": [
      // { "woord": "huismeester", "gebruik": ["conciërge", "complexbeheerder"] }
    ],
    "negeren": [
      // "WoonWijzer"
    ]
  },

  // Bestanden die huurbrief overslaat (globpatronen, vanaf deze map).
  "ignorePatterns": []
}
`;
}

async function choose<T extends string>(io: InitIo, question: string, choices: readonly T[], fallback: T): Promise<T> {
  for (;;) {
    const answer = (await io.ask(question)).trim();
    if (answer === '') return fallback;
    const byNumber = /^\d+$/.test(answer) ? choices[Number(answer) - 1] : undefined;
    const byName = choices.find((c) => c.toLowerCase() === answer.toLowerCase() || `huurbrief:${c}` === answer.toLowerCase());
    const picked = byNumber ?? byName;
    if (picked) return picked;
    io.say(`Kies ${choices.map((c, i) => `${i + 1} (${c})`).join(' of ')}.\n`);
  }
}

/** Writes huurbrief.config.json in `dir`; returns its path. */
export async function initCommand(dir: string, flags: InitFlags, io: InitIo): Promise<string> {
  const existing = CONFIG_FILES.map((name) => join(dir, name)).find((p) => existsSync(p));
  if (existing && !flags.force) {
    throw new UsageError(`${relative(dir, existing) || existing} bestaat al; gebruik --force om het te overschrijven`);
  }
  let preset: Preset = flags.preset ?? 'recommended';
  let level: Level = flags.level ?? 'B1';
  if (io.interactive) {
    if (!flags.preset) {
      preset = await choose(io, 'Welke basisregels?\n  1) recommended (aanbevolen)\n  2) strict (strenger)\nKeuze [1]: ', PRESET_CHOICES, 'recommended');
    }
    if (!flags.level) {
      level = await choose(io, 'Op welk taalniveau mikken uw brieven? A2, B1 (advies), B2 of C1 [B1]: ', LEVEL_CHOICES, 'B1');
    }
  }
  const target = existing && flags.force && existing.endsWith('huurbrief.config.json') ? existing : join(dir, 'huurbrief.config.json');
  try {
    writeFileSync(target, starterConfig(preset, level, schemaReference(dir)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`kan ${target} niet schrijven (${code === 'EACCES' || code === 'EPERM' ? 'geen schrijfrechten' : (code ?? String(error))})`);
  }
  io.say(
    `${relative(dir, target)} geschreven (huurbrief:${preset}, niveau ${level}).\n` +
      'Het commentaar in het bestand legt elke instelling uit. Volgende stap: huurbrief lint\n',
  );
  return target;
}

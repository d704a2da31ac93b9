import type { Command, CommanderError } from 'commander';

const HEADINGS: [RegExp, string][] = [
  [/^Usage:/m, 'Gebruik:'],
  [/^Options:/m, 'Opties:'],
  [/^Commands:/m, 'Opdrachten:'],
  [/^Arguments:/m, 'Argumenten:'],
  [/^Global Options:/m, 'Algemene opties:'],
];

/** Commander prints English headings; huurbrief's help is Dutch (option names stay English). */
export function dutchHelp(command: Command): void {
  command.configureHelp({
    // Translate the term before commander measures it, or the description column drifts.
    subcommandTerm(cmd) {
      const proto = Object.getPrototypeOf(this) as { subcommandTerm: (c: Command) => string };
      return proto.subcommandTerm.call(this, cmd).replace(/\[options\]/g, '[opties]').replace(/\[command\]/g, '[opdracht]');
    },
    // Translate commander's "(choices: …, default: …)" before the text is wrapped.
    optionDescription(option) {
      const proto = Object.getPrototypeOf(this) as { optionDescription: (o: typeof option) => string };
      return dutchExtras(proto.optionDescription.call(this, option));
    },
    argumentDescription(argument) {
      const proto = Object.getPrototypeOf(this) as { argumentDescription: (a: typeof argument) => string };
      return dutchExtras(proto.argumentDescription.call(this, argument));
    },
    formatHelp(cmd, helper) {
      const proto = Object.getPrototypeOf(helper) as { formatHelp: (c: Command, h: unknown) => string };
      let text = proto.formatHelp.call(helper, cmd, helper);
      for (const [re, nl] of HEADINGS) text = text.replace(re, nl);
      return dutchExtras(text.replace(/\[options\]/g, '[opties]').replace(/\[command\]/g, '[opdracht]'));
    },
  });
}

function dutchExtras(text: string): string {
  return text
    .replace(/\(default:/g, '(standaard:')
    .replace(/,(\s+)default:/g, ',$1standaard:')
    .replace(/\(choices:/g, '(keuze uit:');
}

/** Commander's error messages in Dutch. */
export function translateCommanderError(error: CommanderError): string {
  const m = error.message.replace(/^error: /, '');
  const q = (re: RegExp) => re.exec(m)?.[1] ?? '';
  switch (error.code) {
    case 'commander.unknownOption':
      return `onbekende optie ${q(/'([^']+)'/)}${/Did you mean (.+)\?/.test(m) ? ` (bedoelt u ${q(/Did you mean (.+)\?/)}?)` : ''}; zie huurbrief --help`;
    case 'commander.unknownCommand':
      return `onbekende opdracht ${q(/'([^']+)'/)}; zie huurbrief --help`;
    case 'commander.missingArgument':
      return `argument ${q(/'([^']+)'/)} ontbreekt`;
    case 'commander.optionMissingArgument':
      return `optie ${q(/'([^']+)'/)} heeft een waarde nodig`;
    case 'commander.missingMandatoryOptionValue':
      return `verplichte optie ${q(/'([^']+)'/)} ontbreekt`;
    case 'commander.invalidArgument':
      return m
        .replace(/^option '([^']+)' argument '([^']+)' is invalid\.?/, "ongeldige waarde '$2' voor optie $1.")
        .replace('Allowed choices are', 'Kies uit')
        // A parser's own reason follows the period: start it with a capital.
        .replace(/\. ([a-z])/, (_, c: string) => `. ${c.toUpperCase()}`);
    case 'commander.excessArguments':
      return `te veel argumenten; zie huurbrief --help`;
    default:
      return m;
  }
}

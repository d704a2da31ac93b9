import type { Root as MdastRoot } from 'mdast';
import type { Root as NlcstRoot } from 'nlcst';

/** Every finding has exactly one of these categories. */
export const CATEGORIES = [
  'readability',
  'plain-language',
  'no-phrasing',
  'tone',
  'structure',
  'template',
  'privacy',
  'spelling',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Severity = 'error' | 'warning' | 'info';
/** What a user writes in config: `off`, `info`, `warn` or `error`. */
export type SeveritySetting = 'off' | 'info' | 'warn' | 'error';
export type RuleSetting = SeveritySetting | [SeveritySetting] | [SeveritySetting, Record<string, unknown>];

export type Language = 'nl' | 'en';
export type Level = 'A2' | 'B1' | 'B2' | 'C1';

/** A half-open range of UTF-16 offsets into the source text. */
export interface Span {
  start: number;
  end: number;
}

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
  /** 0-based offset, in UTF-16 code units. */
  offset: number;
}

/** A suggested edit: replace `range` with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string;
  category: Category;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  /** Dutch message for the writer. */
  message: string;
  /** The text that was found. */
  actual?: string;
  /** Suggested replacements (possibly empty). */
  expected?: string[];
  /** Extra explanation (Dutch). */
  note?: string;
  /** Docs for the rule. */
  url?: string;
  /** Present when the finding can be fixed automatically. */
  fix?: Fix;
  /** A related place, e.g. the first occurrence. */
  cause?: { line: number; column: number; message: string };
}

export interface Metrics {
  words: number;
  sentences: number;
  paragraphs: number;
  syllables: number;
  /** Further measures are added by the readability module. */
  [key: string]: unknown;
}

export interface LintResult {
  language: Language;
  messages: LintMessage[];
  metrics: Metrics;
}

// ---------------------------------------------------------------------------
// The letter as rules see it. Built once per lint run (one walk of the trees);
// every rule reads these flat arrays instead of walking the trees itself.

export type WordKind =
  | 'word'
  | 'placeholder'
  | 'number'
  | 'amount'
  | 'date'
  | 'time'
  | 'email'
  | 'url'
  | 'phone'
  /** A postcode ("1234 AB") or IBAN: a code, never a word. */
  | 'code'
  | 'abbreviation';

export interface Word extends Span {
  /** The text as written (for a placeholder: the raw placeholder). */
  text: string;
  /** Lower-cased text. */
  lower: string;
  kind: WordKind;
  /** Index in `sentence.words`. */
  index: number;
}

export type BlockType = 'paragraph' | 'heading' | 'listItem' | 'blockquote' | 'tableCell' | 'other';
/**
 * Where in the letter a block sits (see engine/layout.ts). Only `body`,
 * `heading`, `greeting`, `closing` and `postscript` blocks are read as
 * sentences (`doc.sentences`); the others are layout: letterhead (`sender`),
 * address (`recipient`), place-and-date line (`date`), reference fields
 * (`reference`), subject line (`subject`), contact lines (`contact`),
 * "Bijlage(n):" and "Kopie aan:" (`enclosure`) and the name, role and
 * organisation under the closing (`signature`).
 */
export type BlockRole =
  | 'body'
  | 'heading'
  | 'greeting'
  | 'closing'
  | 'signature'
  | 'sender'
  | 'recipient'
  | 'date'
  | 'reference'
  | 'subject'
  | 'contact'
  | 'enclosure'
  | 'postscript';

export interface Sentence extends Span {
  /** The source text of the sentence (placeholders as written). */
  text: string;
  /** Words in order, placeholders and special tokens included as single words. */
  words: Word[];
  /** Index in `doc.sentences`; -1 for a line of a layout block (address, reference, signature), which is not a sentence. */
  index: number;
  /** The block this sentence belongs to. */
  block: Block;
  /** The sentence ends with `!`, `?` or `.` (or nothing). */
  terminator: '.' | '!' | '?' | '';
}

export interface Block extends Span {
  type: BlockType;
  /** Heading depth (1-6) for headings. */
  depth?: number;
  role: BlockRole;
  sentences: Sentence[];
  /** Index in `doc.blocks`. */
  index: number;
  /** Top-level Markdown section (headings split sections); 0 before the first heading. */
  section: number;
}

export type PlaceholderSyntax = 'mustache' | 'mergefield' | 'custom';
export type PlaceholderKind = 'variable' | 'section-open' | 'section-else' | 'section-close' | 'comment' | 'partial';

export interface Placeholder extends Span {
  /** The placeholder as written, e.g. `{{ huurder.naam }}`. */
  raw: string;
  /** The name inside, e.g. `huurder.naam` (for sections: the argument, e.g. `x` of `{{#if x}}`). */
  name: string;
  syntax: PlaceholderSyntax;
  kind: PlaceholderKind;
  /** For sections: `if`, `each`, `unless`, `with`, ... */
  helper?: string;
}

export interface ControlComment extends Span {
  kind: 'disable' | 'enable' | 'ignore';
  /** Rule ids named in the comment; empty means every rule. */
  ids: { id: string; start: number; end: number }[];
  /** The reason after `--`, if any. */
  reason: string;
  /** The range the comment applies to. */
  range: Span;
}

/** Something that looks like a placeholder but is not one (unclosed, empty, stray braces). */
export interface PlaceholderProblem extends Span {
  reason: 'unclosed' | 'empty' | 'stray-close' | 'single-brace' | 'mixed';
  raw: string;
}

export interface FrontMatter extends Span {
  /** Parsed YAML (null when absent, empty or broken). */
  data: Record<string, unknown> | null;
  /** Set when the YAML could not be parsed. */
  error?: { message: string; offset: number };
}

export interface LetterDocument {
  /** The text that was linted (BOM removed by the caller). */
  text: string;
  lang: Language;
  frontMatter: FrontMatter | null;
  mdast: MdastRoot;
  nlcst: NlcstRoot;
  /** `markdown` or `text` (a plain-text letter: lines, not Markdown). */
  format: 'markdown' | 'text';
  /** Every block in order, layout blocks included. */
  blocks: Block[];
  /** The sentences of the prose blocks (body, headings, greeting, closing, P.S.); layout lines are not sentences. */
  sentences: Sentence[];
  placeholders: Placeholder[];
  /** Malformed placeholders (see the `malformed-placeholder` rule). */
  placeholderProblems: PlaceholderProblem[];
  /** `<!-- huurbrief-disable|enable|ignore ... -->` comments. */
  controls: ControlComment[];
  /** Spans that rules must never report inside (code, URLs, e-mail, placeholders, HTML). */
  opaque: Span[];
  /** True when `offset` lies inside a placeholder, code, URL, e-mail address or HTML. */
  isOpaque(offset: number): boolean;
  /** Converts an offset to a 1-based line/column point. */
  pointAt(offset: number): Point;
}

// ---------------------------------------------------------------------------
// Rules

export interface RuleExample {
  /** A letter or a fragment of one (Markdown). */
  text: string;
  /** Options for the rule in this example. */
  options?: Record<string, unknown>;
  /** Extra config (e.g. `{level: 'A2'}`) for this example. */
  config?: Partial<HuurbriefConfig>;
  /** Why this example is (in)valid, in Dutch; shown in the docs. */
  note?: string;
}

/** A minimal JSON Schema subset for rule options; also used for the config schema. */
export interface OptionSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  description?: string;
  properties?: Record<string, OptionSchema>;
  additionalProperties?: boolean;
  items?: OptionSchema;
  enum?: readonly (string | number | boolean)[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export interface RuleMeta {
  /** Stable kebab-case id. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One Dutch sentence: what the rule checks. */
  description: string;
  /** Dutch explanation: why this matters for tenants (Markdown). */
  rationale: string;
  /** Presets that enable the rule. */
  presets: readonly ('recommended' | 'strict')[];
  /** True when the rule may fix (one suggestion). ESLint-style: fixing without it throws. */
  fixable: boolean;
  /** Options schema (type object) and defaults. */
  options?: OptionSchema;
  defaultOptions?: Record<string, unknown>;
  /** Named Dutch messages with `{placeholders}`. */
  messages: Record<string, string>;
  /** Good and bad examples: generate the docs and run as tests. */
  examples: { valid: RuleExample[]; invalid: RuleExample[] };
  /**
   * What the rule cannot see (Dutch), each with an example it does not report although a
   * careful editor would: documented under "Wat deze regel niet ziet", and tested, so the
   * docs change when the rule learns it.
   */
  limits?: readonly RuleLimit[];
  /** Only for these languages (default: all). */
  languages?: readonly Language[];
  /** Option overrides in the `huurbrief:strict` preset. */
  strictOptions?: Record<string, unknown>;
  /** Severity in the `huurbrief:strict` preset (default: `defaultSeverity`). */
  strictSeverity?: Severity;
}

export interface RuleLimit {
  /** What the rule misses and why (Dutch). */
  text: string;
  /** A sentence with the problem that the rule does not report. */
  example: string;
}

export interface ReportDescriptor {
  /** A key of `meta.messages`. */
  messageId: string;
  data?: Record<string, string | number>;
  start: number;
  end: number;
  actual?: string;
  expected?: string[];
  note?: string;
  /** Override the configured severity (e.g. a formal notice lowers `threatening`). */
  severity?: Severity;
  /** Apply `expected[0]` over [start,end) when fixing; default: when there is exactly one suggestion and the rule is fixable. */
  fix?: boolean | Fix;
  cause?: { offset: number; message: string };
}

export interface RuleContext<O = Record<string, unknown>> {
  readonly doc: LetterDocument;
  readonly options: O;
  readonly config: ResolvedConfig;
  report(descriptor: ReportDescriptor): void;
}

export interface Rule<O = any> {
  meta: RuleMeta;
  check(context: RuleContext<O>): void;
}

// ---------------------------------------------------------------------------
// Configuration

export interface HouseWord {
  woord: string;
  gebruik?: string | string[];
  uitleg?: string;
  /** Fix only where all these contexts hold (see fix-contexts.yml); without it, wherever the engine's guard allows. */
  herstel?: string[];
  /** Never fix; the reason. */
  geenHerstel?: string;
}

export interface HuurbriefConfig {
  $schema?: string;
  /** Presets (`huurbrief:recommended`, `huurbrief:strict`) or relative paths to other config files. */
  extends?: string[];
  lang?: Language;
  level?: Level;
  rules?: Record<string, RuleSetting>;
  placeholders?: {
    /** Extra delimiters, e.g. `[["[", "]"], ["%", "%"]]`. */
    delimiters?: [string, string][];
    /** Syllables a placeholder counts for in readability measures (default 2). */
    syllables?: number;
    /** ALL-CAPS merge fields of older model letters, e.g. `["ACHTERNAAM", "DATUM ONDERTEKENING"]`. */
    fields?: string[];
  };
  organisatie?: {
    naam?: string;
    iban?: string[];
    telefoon?: string[];
    domeinen?: string[];
  };
  woorden?: {
    vermijden?: HouseWord[];
    voorkeur?: HouseWord[];
    negeren?: string[];
  };
  /** Glob patterns of files not to lint. */
  ignorePatterns?: string[];
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  lang: Language;
  level: Level;
  rules: Record<string, ResolvedRule>;
  placeholders: { delimiters: [string, string][]; syllables: number; fields: string[] };
  organisatie: { naam?: string; iban: string[]; telefoon: string[]; domeinen: string[] };
  woorden: { vermijden: HouseWord[]; voorkeur: HouseWord[]; negeren: string[] };
  ignorePatterns: string[];
}

export interface LintOptions {
  /** A resolved config (see `resolveConfig`); default: the recommended preset. */
  config?: ResolvedConfig;
  /** Used in messages only (never read), and for the format: a `.txt` path is read as plain text. */
  filePath?: string;
  /** `text`: line-structured plain text (a single newline is a line break); default from `filePath`, else Markdown. */
  format?: 'markdown' | 'text';
}

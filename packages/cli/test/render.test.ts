import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'huurbrief-render-'));
  chmodSync(dir, 0o755);
  return dir;
};

const template = `---
onderwerp: Uw betalingsregeling
variabelen: [naam, termijn, bedrag]
---

Beste {{naam}},

U heeft nog {{bedrag}} huur open staan. Wij verzoeken u het bedrag binnen {{termijn}} over te maken.

Met vriendelijke groet,

Jan de Vries  
Woonconsulent  
010 123 45 67
`;

describe('huurbrief render', () => {
  it('prints the filled-in letter (mustache, sections, each) and exits 0 without errors', () => {
    const r = runCli(['render', 'fixtures/templates/mustache/dakkapel.md', '--data', 'fixtures/templates/mustache/dakkapel.data.json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Beste mevrouw Jansen,\n\nU vroeg ons om een dakkapel op uw woning te mogen plaatsen.\nDat mag. Op dinsdag 12 maart komt een opzichter bij u kijken.');
    expect(r.stdout).toContain('- De dakkapel is wit.\n- Een erkend bedrijf plaatst hem.\n');
    expect(r.stdout).not.toMatch(/\{\{[#/]|\{\{else/);
  });

  it('reads YAML data for Word mail-merge fields', () => {
    const r = runCli(['render', 'fixtures/templates/mergefield/onderhoud.md', '--data', 'fixtures/templates/mergefield/onderhoud.data.yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Beste meneer Bakker,');
    expect(r.stdout).toContain('noem uw huurnummer H-20331.');
  });

  it('names missing data with its place in the template and exits 2', () => {
    const r = runCli(['render', 'fixtures/templates/custom/afspraak.md', '--data', 'fixtures/templates/custom/afspraak.data.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('huurbrief: fixtures/templates/custom/afspraak.md:14:1: de gegevens missen "consulnet" (voor [consulnet])\n');
  });

  it('writes --out and reports findings of the filled-in letter at the template line', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'regeling.md'), template);
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ naam: 'mevrouw Jansen', termijn: '8 dagen na dagtekening', bedrag: '€ 412,50' }));
    const out = join(dir, 'brief.md');
    const r = runCli(['render', 'regeling.md', '--data', 'data.json', '--out', out, '--format', 'json', '--no-config-lookup'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('Beste mevrouw Jansen,\n\nU heeft nog € 412,50 huur open staan. Wij verzoeken u het bedrag binnen 8 dagen na dagtekening over te maken.');
    const [report] = JSON.parse(r.stdout) as { path: string; messages: { ruleId: string; line: number; column: number; note?: string }[] }[];
    expect(report!.path).toBe('regeling.md');
    const deadline = report!.messages.find((m) => m.ruleId === 'action-and-deadline');
    expect(deadline).toMatchObject({ line: 8 });
    // "binnen {{termijn}}": the finding starts at "binnen" in the template, column 66.
    expect(deadline!.column).toBe(template.split('\n')[7]!.indexOf('binnen') + 1);
    expect(deadline!.note).toContain('{{termijn}}');
  });

  it('refuses broken and unknown data files with exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'regeling.md'), template);
    writeFileSync(join(dir, 'kapot.json'), '{\n  "naam": "mevrouw Jansen",\n  "termijn": \n}\n');
    const broken = runCli(['render', 'regeling.md', '--data', 'kapot.json', '--no-config-lookup'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^huurbrief: kapot\.json: regel 4, kolom 1: ongeldige JSON \(onverwacht teken '\}'\)\n$/);
    writeFileSync(join(dir, 'gegevens.csv'), 'naam\n');
    const csv = runCli(['render', 'regeling.md', '--data', 'gegevens.csv', '--no-config-lookup'], { cwd: dir });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('gebruik .json, .yaml of .yml');
    const none = runCli(['render', 'regeling.md', '--data', 'bestaat-niet.yaml', '--no-config-lookup'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('huurbrief: bestaat-niet.yaml: bestand niet gevonden\n');
    const list = runCli(['render', 'regeling.md', '--data', 'lijst.json', '--no-config-lookup'], { cwd: dir, input: '' });
    expect(list.code).toBe(2);
  });

  it('--out creates missing folders; a path it cannot write is one line and exit 2', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'regeling.md'), template);
    writeFileSync(join(dir, 'data.json'), JSON.stringify({ naam: 'mevrouw Jansen', termijn: 'vrijdag 14 maart', bedrag: '€ 412,50' }));
    // --no-config as in lint; a config here would make the letter fail.
    writeFileSync(join(dir, 'huurbrief.config.json'), '{"rules": {"plain-words": "loud"}}');
    const ok = runCli(['render', 'regeling.md', '--data', 'data.json', '--out', 'uit/maart/brief.md', '--no-config'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(join(dir, 'uit', 'maart', 'brief.md'), 'utf8')).toContain('Beste mevrouw Jansen,');
    writeFileSync(join(dir, 'geen-map'), '');
    const bad = runCli(['render', 'regeling.md', '--data', 'data.json', '--out', 'geen-map/brief.md', '--no-config-lookup'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('huurbrief: kan uitvoer niet schrijven naar geen-map/brief.md: een deel van het pad is geen map\n');
  });

  it('requires --data', () => {
    const r = runCli(['render', 'fixtures/templates/mustache/dakkapel.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--data');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { LetterInfo, ReviewResult } from '@huurbrief/language-server/protocol';
import { COMMANDS } from '../src/commands.js';
import { Controller } from '../src/controller.js';
import { createFakeClient, createFakeVscode, fakeDocument, FakeUri } from './fake-vscode.js';

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  main: string;
  activationEvents: string[];
  contributes: { commands: { command: string; title: string }[]; configuration: { properties: Record<string, { scope: string; default: unknown }> } };
};

function info(over: Partial<LetterInfo> = {}): LetterInfo {
  return {
    uri: 'file:///werk/brieven/overlast.md',
    version: 1,
    level: 'B2',
    targetLevel: 'B1',
    fleschDouma: 57.5,
    sentences: 7,
    words: 108,
    levelReasons: ['29% van de zinnen heeft meer dan 20 woorden (B1: hoogstens 20%)'],
    longSentences: 3,
    counts: { errors: 1, warnings: 12, infos: 0, fixable: 4, byRule: { 'sentence-length': 3, 'plain-words': 5 } },
    configFile: null,
    configError: null,
    review: { state: 'approved', label: 'Goedgekeurd door S. de Vries', reason: 'goedgekeurd door S. de Vries (2026-11-20 10:00 UTC)', by: 'S. de Vries' },
    ...over,
  };
}

async function setup(letter = info()) {
  const vs = createFakeVscode();
  const current = { info: letter };
  const fake = createFakeClient({
    'huurbrief/letterInfo': () => current.info,
    'huurbrief/lintWorkspace': () => ({ files: 9, errors: 19, warnings: 100, infos: 4, problems: [] }),
    'huurbrief/review': (p) => {
      const params = p as { kind: string };
      const result: ReviewResult =
        params.kind === 'approve'
          ? { ok: true, message: 'brieven/overlast.md goedgekeurd door S. de Vries', review: current.info.review }
          : { ok: false, message: 'u kunt uzelf niet als beoordelaar vragen', review: current.info.review };
      return result;
    },
  });
  vs.state.activeDocument = fakeDocument('/werk/brieven/overlast.md');
  const controller = new Controller(vs.api, fake.client);
  await controller.activate();
  return { vs, fake, controller, current };
}

describe('the extension manifest', () => {
  it('activates on a workspace with a huurbrief config, or by command, and bundles to dist/extension.cjs', () => {
    expect(manifest.main).toBe('./dist/extension.cjs');
    expect(manifest.activationEvents).toEqual(
      expect.arrayContaining(['workspaceContains:**/huurbrief.config.json', 'workspaceContains:**/.huurbriefrc.json', 'onCommand:huurbrief.activate']),
    );
  });

  it('contributes exactly the commands the controller registers, with Dutch titles', async () => {
    const { vs } = await setup();
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual(Object.values(COMMANDS).sort());
    expect([...vs.commands.keys()].sort()).toEqual(Object.values(COMMANDS).sort());
    for (const c of manifest.contributes.commands) expect(c.title).toMatch(/^[A-Z][a-z]+ /);
  });

  it('has resource-scoped settings: enable, configPath, level, run, trace.server', () => {
    const props = manifest.contributes.configuration.properties;
    expect(Object.keys(props).sort()).toEqual(['huurbrief.configPath', 'huurbrief.enable', 'huurbrief.level', 'huurbrief.run', 'huurbrief.trace.server']);
    for (const p of Object.values(props)) expect(p.scope).toBe('resource');
    expect(props['huurbrief.run']?.default).toBe('onType');
  });
});

describe('the controller (fake VS Code API)', () => {
  it('starts the client and shows level and review state in the status bar', async () => {
    const { vs, fake } = await setup();
    expect(fake.calls).toEqual(['start']);
    const [level, review] = vs.items;
    expect(level).toMatchObject({ text: '$(book) B2 · 3 zinnen te lang', visible: true, command: COMMANDS.showReport });
    expect(level!.tooltip).toContain('Flesch-Douma 57.5');
    expect(review).toMatchObject({ text: '$(pass) Goedgekeurd door S. de Vries', visible: true, command: COMMANDS.showReport });
    expect(fake.requests[0]).toEqual({ method: 'huurbrief/letterInfo', params: { uri: 'file:///werk/brieven/overlast.md' } });
  });

  it('shows "B1 ✓" for a letter at its level, and the review states in Dutch', async () => {
    const { vs, controller, current } = await setup();
    current.info = info({ level: 'B1', longSentences: 0, counts: { errors: 0, warnings: 2, infos: 0, fixable: 0, byRule: {} }, review: { state: 'stale', label: 'Gewijzigd sinds goedkeuring', reason: 'gewijzigd' } });
    await controller.refresh();
    expect(vs.items[0]!.text).toBe('$(book) B1 ✓');
    expect(vs.items[1]!.text).toBe('$(warning) Gewijzigd sinds goedkeuring');
    current.info = info({ review: { state: 'missing', label: 'Nog niet beoordeeld', reason: 'geen goedkeuring' } });
    await controller.refresh();
    expect(vs.items[1]!.text).toBe('$(circle-outline) Nog niet beoordeeld');
  });

  it('names the ambassadors who may sign off while the letter is not approved, and says who may in the tooltip and report', async () => {
    const { vs, controller, current } = await setup();
    const signOff = 'een ambassadeur (bram@delinde.nl; @incasso, .huurbrief/ambassadors regel 4; anna@delinde.nl is auteur van deze versie)';
    current.info = info({
      review: { state: 'missing', label: 'Nog niet beoordeeld', reason: `geen goedkeuring; aftekenen door ${signOff}`, signOff, ambassadors: ['bram@delinde.nl'] },
    });
    await controller.refresh();
    expect(vs.items[1]!.text).toBe('$(circle-outline) Nog niet beoordeeld · ambassadeur: bram@delinde.nl');
    expect(vs.items[1]!.tooltip).toContain(`Aftekenen door ${signOff}`);
    current.info = info({
      review: { state: 'ambassador', label: 'Ambassadeur nodig', reason: 'goedgekeurd door carla@delinde.nl, maar dat is geen ambassadeur', signOff, ambassadors: ['anna@delinde.nl', 'bram@delinde.nl', 'eva@delinde.nl'] },
    });
    await controller.refresh();
    expect(vs.items[1]!.text).toBe('$(warning) Ambassadeur nodig · ambassadeurs: anna@delinde.nl, bram@delinde.nl +1');
    // Approved: the status bar says by whom, not who else could have.
    current.info = info({ review: { state: 'approved', label: 'Goedgekeurd door bram@delinde.nl', reason: 'goedgekeurd', signOff, ambassadors: ['bram@delinde.nl'] } });
    await controller.refresh();
    expect(vs.items[1]!.text).toBe('$(pass) Goedgekeurd door bram@delinde.nl');
    const { reportMarkdown } = await import('../src/status.js');
    expect(reportMarkdown(current.info, 'aanmaning.md')).toContain(`Aftekenen door ${signOff}.`);
  });

  it('hides the status bar when no letter is active', async () => {
    const { vs } = await setup();
    vs.state.activeDocument = fakeDocument('/werk/script.ts', 'typescript');
    vs.activeEditorChanged.fire(undefined);
    await new Promise((r) => setImmediate(r));
    expect(vs.items.every((i) => !i.visible)).toBe(true);
  });

  it('shows a config error in the status bar', async () => {
    const { vs, controller, current } = await setup();
    current.info = info({ configError: '/werk/huurbrief.config.json: regel 1, kolom 20: geen geldige JSON' });
    await controller.refresh();
    expect(vs.items[0]!.text).toBe('$(book) Fout in configuratie');
    expect(vs.items[0]!.backgroundColor).toMatchObject({ id: 'statusBarItem.errorBackground' });
  });

  it('"show report" renders a Dutch report and opens the Markdown preview', async () => {
    const { vs } = await setup();
    const uri = (await vs.api.commands.executeCommand(COMMANDS.showReport)) as FakeUri;
    expect(vs.executed.some((e) => e.command === 'markdown.showPreviewToSide')).toBe(true);
    const text = vs.providers.get('huurbrief-rapport')!.provideTextDocumentContent(uri);
    expect(text).toContain('# huurbrief: overlast.md');
    expect(text).toContain('- Taalniveau: **B2** (doel: B1)');
    expect(text).toContain('| `plain-words` | 5 |');
    expect(text).toContain('**Goedgekeurd door S. de Vries**');
  });

  it('"fix all" applies the source.fixAll.huurbrief action of the server', async () => {
    const { vs } = await setup();
    const edit = { id: 'edit' };
    vs.state.codeActions = [{ title: 'huurbrief: alle automatisch herstelbare meldingen oplossen', kind: { value: 'source.fixAll.huurbrief' }, edit }];
    expect(await vs.api.commands.executeCommand(COMMANDS.fixAll)).toBe(true);
    const call = vs.executed.find((e) => e.command === 'vscode.executeCodeActionProvider')!;
    expect(call.args[2]).toBe('source.fixAll.huurbrief');
    expect(vs.appliedEdits).toEqual([edit]);
    vs.state.codeActions = [];
    expect(await vs.api.commands.executeCommand(COMMANDS.fixAll)).toBe(false);
    expect(vs.shown.at(-1)?.message).toBe('huurbrief: er is niets automatisch te herstellen in deze brief.');
  });

  it('"approve" saves the letter, asks for confirmation and sends huurbrief/review', async () => {
    const { vs, fake } = await setup();
    vs.state.activeDocument!.isDirty = true;
    vs.state.warningAnswer = 'Goedkeuren';
    vs.state.inputAnswers = ['Helder en vriendelijk'];
    await vs.api.commands.executeCommand(COMMANDS.approve);
    expect(vs.state.activeDocument!.saved).toBe(1);
    expect(vs.shown.find((s) => s.modal)?.message).toContain('Deze versie van overlast.md goedkeuren?');
    expect(fake.requests.find((r) => r.method === 'huurbrief/review')?.params).toEqual({ uri: 'file:///werk/brieven/overlast.md', kind: 'approve', comment: 'Helder en vriendelijk' });
    expect(vs.shown.at(-1)).toEqual({ level: 'info', message: 'huurbrief: brieven/overlast.md goedgekeurd door S. de Vries' });
  });

  it('"approve" does nothing when the writer cancels', async () => {
    const { vs, fake } = await setup();
    vs.state.warningAnswer = undefined;
    await vs.api.commands.executeCommand(COMMANDS.approve);
    expect(fake.requests.some((r) => r.method === 'huurbrief/review')).toBe(false);
  });

  it('"request review" passes the reviewer and shows a refusal as a warning', async () => {
    const { vs, fake } = await setup();
    vs.state.inputAnswers = ['s.devries@woonstad.example', 'Graag voor vrijdag'];
    await vs.api.commands.executeCommand(COMMANDS.requestReview);
    expect(fake.requests.find((r) => r.method === 'huurbrief/review')?.params).toEqual({
      uri: 'file:///werk/brieven/overlast.md',
      kind: 'request',
      reviewer: 's.devries@woonstad.example',
      comment: 'Graag voor vrijdag',
    });
    expect(vs.shown.at(-1)).toEqual({ level: 'warning', message: 'huurbrief: u kunt uzelf niet als beoordelaar vragen' });
  });

  it('"lint workspace" and "restart server" report back in Dutch', async () => {
    const { vs, fake } = await setup();
    await vs.api.commands.executeCommand(COMMANDS.lintWorkspace);
    expect(vs.shown.at(-1)?.message).toBe('huurbrief: 9 brieven gecontroleerd: 19 fouten, 100 waarschuwingen. Zie het venster Problemen.');
    await vs.api.commands.executeCommand(COMMANDS.restartServer);
    expect(fake.calls).toEqual(['start', 'restart']);
    expect(vs.shown.at(-1)?.message).toBe('huurbrief: de controle is opnieuw gestart.');
  });

  it('commands on a non-letter say what to do instead of failing', async () => {
    const { vs, fake } = await setup();
    vs.state.activeDocument = undefined;
    await vs.api.commands.executeCommand(COMMANDS.approve);
    expect(vs.shown.at(-1)).toEqual({ level: 'warning', message: 'huurbrief: open eerst een brief (Markdown of tekst).' });
    expect(fake.requests.filter((r) => r.method === 'huurbrief/review')).toEqual([]);
  });
});

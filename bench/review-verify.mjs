#!/usr/bin/env node
// Benchmark: `huurbrief review verify --base main` over 10,000 letters with one approval each.
// Builds a temporary git repository (letters committed by one colleague, approvals by another,
// signed in-process with node:crypto in the exact format `ssh-keygen -Y sign` produces), then
// times verify: once in-process (the API the CLI calls) and once through the CLI binary.
// Needs a build first (`pnpm build`). Usage: node bench/review-verify.mjs [letters] [--ambassadors]
// --ambassadors: main also has a .huurbrief/ambassadors with a line per folder and a team, so every
// letter is matched against the patterns and needs its ambassador (Bob).
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const review = await import(join(root, 'packages/review/dist/index.js'));
const args = process.argv.slice(2);
const count = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
const withAmbassadors = args.includes('--ambassadors');
const repo = mkdtempSync(join(tmpdir(), 'huurbrief-bench-review-'));
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Anna de Vries',
  GIT_AUTHOR_EMAIL: 'anna@delinde.nl',
  GIT_COMMITTER_NAME: 'Anna de Vries',
  GIT_COMMITTER_EMAIL: 'anna@delinde.nl',
};
const streets = ['Lindelaan', 'Kastanjestraat', 'Beukenhof', 'Eikenlaan', 'Wilgenweg'];
const letter = (i) => `# Onderhoud aan uw woning

Beste {{huurder.naam}},

Op ${(i % 28) + 1} maart voeren wij onderhoud uit aan de woningen aan de ${streets[i % streets.length]} ${i}.
Wij vervangen dan de kozijnen. U hoeft daarvoor niets te doen.

Met vriendelijke groet,

Woonstichting De Linde
`;

try {
  let t = performance.now();
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
  const bob = generateKeyPairSync('ed25519');
  mkdirSync(join(repo, '.huurbrief'), { recursive: true });
  writeFileSync(join(repo, '.huurbrief/allowed_signers'), `bob@delinde.nl namespaces="huurbrief-review" ${review.publicKeyLine(bob.publicKey)}\n`);
  if (withAmbassadors) {
    const folders = Math.ceil(count / 500);
    const lines = ['@onderhoud = bob@delinde.nl carla@delinde.nl', 'brieven/ @onderhoud'];
    for (let f = 0; f < folders; f++) lines.push(`brieven/${String(f).padStart(2, '0')}/ ${f % 2 ? '@onderhoud' : 'bob@delinde.nl'}`);
    lines.push('brieven/**/concept-*.md');
    writeFileSync(join(repo, '.huurbrief/ambassadors'), lines.join('\n') + '\n');
  }
  const texts = [];
  for (let i = 0; i < count; i++) {
    const rel = `brieven/${String(Math.floor(i / 500)).padStart(2, '0')}/onderhoud-${String(i).padStart(5, '0')}.md`;
    mkdirSync(join(repo, dirname(rel)), { recursive: true });
    const text = letter(i);
    writeFileSync(join(repo, rel), text);
    texts.push([rel, text]);
  }
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '-m', 'Onderhoudsbrieven'], { cwd: repo, env });
  // The approvals arrive as a change on a branch; CI checks it against main (--base main).
  execFileSync('git', ['checkout', '-q', '-b', 'goedkeuringen'], { cwd: repo, env });
  for (const [path, text] of texts) {
    const payload = {
      'huurbrief-review': review.FORMAT_VERSION,
      kind: 'approve',
      path,
      sha256: review.contentHash(text),
      principal: 'bob@delinde.nl',
      time: new Date().toISOString(),
      comment: 'Akkoord.',
      lint: { errors: 0, warnings: 0, infos: 0 },
    };
    const line = review.serializePayload(payload);
    review.writeRecord({ root: repo, git: true }, payload, review.signSshSignature(bob.privateKey, Buffer.from(line), review.REVIEW_NAMESPACE));
  }
  execFileSync('git', ['add', '-A'], { cwd: repo, env });
  execFileSync('git', ['commit', '-q', '-m', 'Goedkeuringen'], { cwd: repo, env });
  console.log(`opzet: ${count} brieven en ${count} goedkeuringen${withAmbassadors ? ', met ambassadeurs per map' : ''} in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await review.verify([], { cwd: repo, base: 'main', requireGit: true });
  const inProcess = (performance.now() - t) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const approved = report.letters.filter((l) => l.ok).length;
  if (report.exitCode !== 0 || approved !== count) throw new Error(`verify faalde: exit ${report.exitCode}, ${approved}/${count} goedgekeurd`);
  console.log(`verify --base main (in-process): ${count} brieven in ${inProcess.toFixed(2)} s (CPU-tijd van dit proces, alle threads: ${cpuSeconds.toFixed(2)} s; git-processen niet meegeteld)`);

  t = performance.now();
  const cli = spawnSync(process.execPath, [join(root, 'packages/cli/bin/huurbrief.js'), 'review', 'verify', '--base', 'main', '--format', 'json'], { cwd: repo, env, maxBuffer: 1 << 30 });
  const viaCli = (performance.now() - t) / 1000;
  if (cli.status !== 0) throw new Error(`huurbrief review verify: exit ${cli.status}\n${cli.stderr}`);
  console.log(`huurbrief review verify --base main (CLI, hele proces): ${count} brieven in ${viaCli.toFixed(2)} s`);
  const load = loadavg()[0];
  console.log(`belasting van de machine (load average, 1 min): ${load.toFixed(1)} op ${availableParallelism()} kernen`);
  console.log(`${viaCli < 5 ? 'OK' : 'TE TRAAG'}: doel < 5 s voor 10.000 brieven${viaCli >= 5 && load > availableParallelism() ? ' (de machine is druk bezet; herhaal op een rustige machine)' : ''}`);
} finally {
  if (process.env.HUURBRIEF_BENCH_KEEP) console.log(`repository bewaard: ${repo}`);
  else rmSync(repo, { recursive: true, force: true });
}

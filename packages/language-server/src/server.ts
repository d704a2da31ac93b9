// Entry of `huurbrief-language-server`: `--stdio`, `--node-ipc` or `--socket=<port>` (chosen by vscode-languageserver).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { tuneHeap } from './memory.js';
import { startServer } from './session.js';

const USAGE = `Gebruik: huurbrief-language-server --stdio | --node-ipc | --socket=<poort> | --pipe=<naam>

De taalserver (LSP) van huurbrief: meldingen, snelle oplossingen en uitleg in uw editor.
Uw editor start hem; zie docs/editor.md.
`;

// Without a transport vscode-languageserver throws with a stack trace; say what to pass instead.
const args = process.argv.slice(2);
const transport = args.some((a) => /^--(stdio|node-ipc|socket=|pipe=|clientProcessId)/.test(a));
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (!transport) {
  process.stderr.write(`huurbrief-language-server: geef aan hoe de editor verbinding maakt (--stdio, --node-ipc, --socket=<poort> of --pipe=<naam>)\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  // A long-running process: V8 settings that keep its memory near the live heap (see memory.ts).
  tuneHeap();
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
  connection.listen();
}

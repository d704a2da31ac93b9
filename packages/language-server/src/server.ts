// Entry of `huurbrief-language-server`: `--stdio`, `--node-ipc` or `--socket=<port>` (chosen by vscode-languageserver).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './session.js';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();

// Worker thread for loadRecordsParallel: verifies a share of the record files (read from disk,
// or contents already read from git objects).
import { parentPort, workerData } from 'node:worker_threads';
import { checkRecordFiles, checkRecordTexts } from './record-files.js';

const data = workerData as { dir: string; names: string[] } | { entries: { name: string; raw?: string; error?: string }[] };
parentPort!.postMessage('entries' in data ? checkRecordTexts(data.entries) : checkRecordFiles(data.dir, data.names));

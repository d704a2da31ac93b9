// Worker thread for loadRecordsParallel: verifies a share of the record files.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRecordFiles } from './record-files.js';

const { dir, names } = workerData as { dir: string; names: string[] };
parentPort!.postMessage(checkRecordFiles(dir, names));

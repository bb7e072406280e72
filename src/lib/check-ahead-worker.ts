/** A worker thread of src/lib/check-ahead.ts: checks and renders the case files it is sent. */
import { parentPort } from 'node:worker_threads';
import { checkCaseFile } from './validate.ts';
import type { CheckJob } from './check-ahead.ts';

parentPort!.on('message', (jobs: CheckJob[]) => {
  // Bytes arrive as a plain Uint8Array; the check reads them as the Buffer the folder walk gives.
  const outcomes = jobs.map((j) => checkCaseFile(j.dir, j.folder, j.file, Buffer.from(j.bytes.buffer, j.bytes.byteOffset, j.bytes.byteLength), j.base));
  parentPort!.postMessage(outcomes);
});

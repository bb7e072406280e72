/**
 * Worker threads run src/lib's TypeScript modules directly, with Node's type stripping, as the
 * command-line scripts do; each would otherwise print Node's warning about it into the build log.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export const typeScriptWorker = (file: URL, options: WorkerOptions = {}): Worker =>
  new Worker(file, { ...options, execArgv: [...process.execArgv, '--disable-warning=ExperimentalWarning'] });

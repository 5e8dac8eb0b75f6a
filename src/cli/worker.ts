import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadModel, type Model, restore } from 'vi-restore';
import { type Job, runJob } from './job.js';
import type { ChunkDone, ChunkTask } from './pool.js';

/**
 * A worker: loads the model once, then either restores whole files it is sent one by one (batches),
 * or restores chunks of one large input (a {@link ChunkTask}) and sends each back.
 */
const { modelPath } = workerData as { modelPath?: string };
const model: Model | undefined = modelPath ? loadModel(readFileSync(modelPath)) : undefined;

parentPort?.on('message', async (message: Job | ChunkTask) => {
  if ('chunk' in message) {
    const { id, chunk, ocr, toneStyle } = message;
    let done: ChunkDone;
    try {
      done = { id, text: restore(chunk, { ocr, toneStyle, ...(model ? { model } : {}) }) };
    } catch (err) {
      done = { id, error: (err as Error).message };
    }
    parentPort?.postMessage(done);
    return;
  }
  const result = await runJob(message, model, (syllables, bytes) => parentPort?.postMessage({ progress: syllables, bytes }));
  parentPort?.postMessage({ result });
});

import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { loadModel, type Model } from 'vi-restore';
import { type Job, runJob } from './job.js';

/** A batch worker: loads the model once, then restores the files it is sent one by one. */
const { modelPath } = workerData as { modelPath?: string };
const model: Model | undefined = modelPath ? loadModel(readFileSync(modelPath)) : undefined;

parentPort?.on('message', async (job: Job) => {
  const result = await runJob(job, model, (syllables) => parentPort?.postMessage({ progress: syllables }));
  parentPort?.postMessage({ result });
});

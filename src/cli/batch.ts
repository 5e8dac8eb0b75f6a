import { Worker } from 'node:worker_threads';
import type { Model } from 'vi-restore';
import { type Job, type JobResult, runJob } from './job.js';
import { ChunkPool } from './pool.js';

export interface BatchEvents {
  /** Some syllables of some file are done. */
  progress(syllables: number): void;
  /** A file is done (or failed). */
  done(result: JobResult): void;
}

/** Run jobs on `threads` worker threads (in this thread when 1), each worker loading the model once. */
export async function runBatch(
  jobs: Job[],
  threads: number,
  model: Model | undefined,
  modelPath: string | undefined,
  events: BatchEvents,
): Promise<void> {
  if (jobs.length === 1 && threads > 1) {
    // One input: its chunks go to the workers, which start only when a second chunk shows up.
    let pool: ChunkPool | undefined;
    try {
      events.done(await runJob(jobs[0] as Job, model, events.progress, () => (pool ??= new ChunkPool(threads, modelPath))));
    } finally {
      await pool?.close();
    }
    return;
  }
  if (threads <= 1 || jobs.length <= 1) {
    for (const job of jobs) events.done(await runJob(job, model, events.progress));
    return;
  }
  const queue = [...jobs];
  const workerUrl = new URL('./worker.js', import.meta.url);
  const failed = (job: Job, why: string): JobResult => ({
    file: job.input,
    output: job.output ?? '-',
    syllables: 0,
    changed: null,
    lowConfidence: null,
    ms: 0,
    error: why,
  });
  await Promise.all(
    Array.from({ length: Math.min(threads, jobs.length) }, async () => {
      const spawn = () => new Worker(workerUrl, { workerData: { modelPath } });
      let worker = spawn();
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const current = job;
          let dead = false;
          const result = await new Promise<JobResult>((resolve) => {
            const settle = (r: JobResult) => {
              worker.off('message', onMessage);
              worker.off('error', onError);
              worker.off('exit', onExit);
              resolve(r);
            };
            const onMessage = (m: { progress?: number; result?: JobResult }) => {
              if (m.progress !== undefined) events.progress(m.progress);
              if (m.result) settle(m.result);
            };
            const onError = (err: Error) => {
              dead = true;
              settle(failed(current, err.message));
            };
            const onExit = (code: number) => {
              dead = true;
              settle(failed(current, `worker thread stopped (exit code ${code})`));
            };
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage(current);
          });
          events.done(result);
          if (dead) {
            // The file that killed a worker fails alone: a fresh worker takes the next one.
            await worker.terminate();
            worker = spawn();
          }
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

import { Worker } from 'node:worker_threads';
import type { Model } from 'vi-restore';
import { type Job, type JobResult, runJob } from './job.js';
import { ChunkPool, roomForWorkers } from './pool.js';

export interface BatchEvents {
  /** Some syllables (in `bytes` bytes of input) of some file are done. */
  progress(syllables: number, bytes: number): void;
  /** A file is done (or failed). */
  done(result: JobResult): void;
}

/**
 * Inputs smaller than this, in all, run in one thread unless more are asked for: worker threads take about 0.15 s
 * to start and load a model, and two threads restore text only some 1.1–1.4× as fast as one (see the README's speed
 * section). One input's whole run, one thread against two: 150 KB 0.21 against 0.35 s, 1 MB 0.35 against 0.49 s,
 * 3 MB 0.71 against 0.74 s, 4.6 MB 0.96 against 0.85 s; in OCR mode 800 KB alike, 2.4 MB 1.7 against 1.5 s.
 */
export const PARALLEL_BYTES = 3 << 20;

/**
 * Run jobs on `threads` worker threads (in this thread when 1), each worker loading the model once. One input's
 * chunks go to the workers once `startAfter` characters of it are read (and a chunk more follows).
 */
export async function runBatch(
  jobs: Job[],
  threads: number,
  model: Model | undefined,
  modelPath: string | undefined,
  events: BatchEvents,
  startAfter = 0,
): Promise<void> {
  if (jobs.length === 1 && threads > 1) {
    let pool: ChunkPool | undefined;
    try {
      // Never more workers than the input has chunks (`most`, when its size is known): the others would only load.
      const workers = (most = threads) => (pool ??= new ChunkPool(Math.max(1, Math.min(threads, most)), modelPath));
      events.done(await runJob(jobs[0] as Job, model, events.progress, { workers, startAfter }));
    } finally {
      await pool?.close();
    }
    return;
  }
  if (threads <= 1 || jobs.length <= 1) {
    for (const job of jobs) events.done(await runJob(job, model, events.progress));
    return;
  }
  // Standard input is this thread's: a worker would read its own, which is empty.
  for (const job of jobs) if (job.input === '-') events.done(await runJob(job, model, events.progress));
  const queue = jobs.filter((job) => job.input !== '-');
  const workerUrl = new URL('./worker.js', import.meta.url);
  roomForWorkers(Math.min(threads, queue.length));
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
    Array.from({ length: Math.min(threads, queue.length) }, async () => {
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
            const onMessage = (m: { progress?: number; bytes?: number; result?: JobResult }) => {
              if (m.progress !== undefined) events.progress(m.progress, m.bytes ?? 0);
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

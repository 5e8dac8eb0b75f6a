import { Worker } from 'node:worker_threads';

/** A chunk of one input sent to a worker, and the worker's answer. */
export interface ChunkTask {
  id: number;
  chunk: string;
  ocr: boolean;
  toneStyle: 'old' | 'new' | 'auto';
}
export interface ChunkDone {
  id: number;
  text?: string;
  error?: string;
}

/**
 * Make room for `workers` more worker threads on this process's stdout and stderr: each worker's output is piped
 * to them, which adds a listener, and past ten Node warns of a leak (`MaxListenersExceededWarning`) to the user.
 */
export function roomForWorkers(workers: number): void {
  for (const stream of [process.stdout, process.stderr]) stream.setMaxListeners(stream.getMaxListeners() + workers);
}

/**
 * Worker threads that restore the chunks of one large input side by side. The caller keeps the
 * order: it awaits each chunk's promise in turn, with a bounded number in flight.
 */
export class ChunkPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (text: string) => void; reject: (err: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(threads: number, modelPath: string | undefined) {
    const url = new URL('./worker.js', import.meta.url);
    roomForWorkers(threads);
    this.workers = Array.from({ length: threads }, () => {
      const worker = new Worker(url, { workerData: { modelPath } });
      worker.on('message', (m: ChunkDone) => {
        const w = this.waiting.get(m.id);
        if (!w) return;
        this.waiting.delete(m.id);
        if (m.error !== undefined) w.reject(new Error(m.error));
        else w.resolve(m.text as string);
      });
      const broken = (err: Error) => {
        // A worker that dies takes the pool with it: what waits fails now, what comes later fails at once.
        this.failure ??= err;
        for (const w of this.waiting.values()) w.reject(err);
        this.waiting.clear();
      };
      worker.on('error', broken);
      worker.on('exit', (code) => {
        if (!this.closing) broken(new Error(`a worker thread stopped (exit code ${code})`));
      });
      return worker;
    });
  }

  /** Restore one chunk on the next worker in turn. */
  restore(chunk: string, ocr: boolean, toneStyle: ChunkTask['toneStyle']): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, chunk, ocr, toneStyle } satisfies ChunkTask);
    });
  }

  /** How many chunks may be in flight at once: enough to keep every worker busy. */
  get depth(): number {
    return this.workers.length * 2;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

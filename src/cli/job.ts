import { copyFileSync, createWriteStream, openSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { type Model, restore, restoreDetailed } from 'vi-restore';
import { countWords } from './count.js';
import { makeDir, reason, removeQuietly, replaceWith, tempPrefix } from './io.js';
import type { ChunkPool } from './pool.js';
import { CHUNK_CHARS, InputError, lineCut, readAhead, readChunks, withLookahead } from './stream.js';
import { chunkStyle, styleVotes } from './style.js';

/** Tokens the model is less sure of than this are counted as low-confidence in reports. */
export const LOW_CONFIDENCE = 0.6;

export interface Job {
  input: string;
  /** Where the result goes; undefined: standard output. */
  output?: string;
  backup?: boolean;
  ocr: boolean;
  /** Tone placement of the output (`auto`: as the input's words show, the whole file's; from stdin, each chunk's). */
  toneStyle: 'old' | 'new' | 'auto';
  json: boolean;
  /** Count changed and low-confidence tokens (needs the detailed decoder answer). */
  detailed: boolean;
}

export interface JobResult {
  file: string;
  output: string;
  syllables: number;
  changed: number | null;
  lowConfidence: number | null;
  ms: number;
  error?: string;
}

/** Writing the result went wrong (the output, not the input): named as such. */
export class OutputError extends Error {}

/**
 * Where a job writes: standard output, or a temporary file beside the output, opened at once so that an
 * output that cannot be written fails here, with its name, before any work. A write error that arrives
 * later is kept and reported by the next write or by `close`, never left unhandled.
 */
class Sink {
  readonly stream: Writable;
  readonly tmp: string | undefined;
  private failure: Error | undefined;

  constructor(private readonly output: string | undefined) {
    if (!output) {
      this.stream = process.stdout;
      this.tmp = undefined;
    } else {
      const tmp = join(dirname(output), `${tempPrefix(output)}${Math.random().toString(36).slice(2)}.tmp`);
      try {
        makeDir(dirname(output));
        this.stream = createWriteStream(tmp, { fd: openSync(tmp, 'w') });
      } catch (err) {
        throw this.named(err);
      }
      this.tmp = tmp;
    }
    this.stream.on('error', (err) => {
      this.failure ??= err;
    });
  }

  private named(err: unknown): Error {
    if (!this.output) return err as Error;
    return new OutputError(`cannot write ${this.output}: ${reason(err)}`);
  }

  write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.named(this.failure));
      const onError = (err: Error) => reject(this.named(err));
      this.stream.once('error', onError);
      const done = () => {
        this.stream.off('error', onError);
        resolve();
      };
      if (this.stream.write(text)) done();
      else this.stream.once('drain', done);
    });
  }

  /** Finish the temporary file and move it over the output (keeping the old one as `.bak` if asked). */
  async commit(backup: boolean): Promise<void> {
    if (!this.tmp || !this.output) return;
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.named(this.failure));
      this.stream.once('error', (err) => reject(this.named(err)));
      this.stream.end(resolve);
    });
    try {
      if (backup) copyFileSync(this.output, `${this.output}.bak`);
      replaceWith(this.tmp, this.output);
    } catch (err) {
      throw this.named(err);
    }
  }

  /** Drop the temporary file after a failure. */
  discard(): void {
    if (!this.tmp) return;
    this.stream.destroy();
    removeQuietly(this.tmp);
  }
}

/** The most chunks of `size` characters a file can hold (one per `size` bytes); 0 if it cannot be read. */
function mostChunks(path: string, size: number): number {
  try {
    return Math.ceil(statSync(path).size / size);
  } catch {
    return 0;
  }
}

/** Chunks restored by a {@link ChunkPool}, in input order, until written. */
interface Pending {
  syllables: number;
  bytes: number;
  text: Promise<string>;
}

/**
 * Restore one input into its output, chunk by chunk; never leaves a half-written output file.
 * With `pool` (a large input and several cores), chunks go to worker threads (see `runBatch`),
 * a few at a time, and are written in order.
 */
export async function runJob(
  job: Job,
  model: Model | undefined,
  onChunk?: (syllables: number, bytes: number) => void,
  pool?: { workers: (most?: number) => ChunkPool; startAfter: number },
): Promise<JobResult> {
  const started = performance.now();
  const result: JobResult = {
    file: job.input,
    output: job.output ?? '-',
    syllables: 0,
    changed: job.detailed ? 0 : null,
    lowConfidence: job.detailed ? 0 : null,
    ms: 0,
  };
  let sink: Sink | undefined;
  try {
    // A file is read twice: first to check it before writing anything (and, for the style `auto`, to count how
    // its words show the tone conventions, so that every chunk is written as the whole file would be).
    const votes = { shown: 0, balance: 0 };
    const vote = job.toneStyle === 'auto' && !job.ocr;
    const parallel = pool && !job.detailed && !job.json ? pool.workers : undefined;
    const startAfter = pool?.startAfter ?? 0;
    // A file of more than one chunk starts the workers now: they load while it is checked, and take every chunk.
    const most = job.input === '-' ? 0 : mostChunks(job.input, CHUNK_CHARS);
    let workers = parallel && most > 1 ? parallel(most) : undefined;
    if (job.input !== '-') {
      // Only checked and counted: cut anywhere between lines.
      for await (const chunk of readChunks(job.input, { cut: lineCut })) {
        if (!vote) continue;
        const v = styleVotes(chunk);
        votes.shown += v.shown;
        votes.balance += v.balance;
      }
    }
    const styleOf = (chunk: string) => (vote ? chunkStyle(votes, chunk) : job.toneStyle);
    sink = new Sink(job.output);
    const out = sink;
    const pending: Pending[] = [];
    const flush = async (keep: number) => {
      while (pending.length > keep) {
        const p = pending.shift() as Pending;
        await out.write(await p.text);
        result.syllables += p.syllables;
        onChunk?.(p.syllables, p.bytes);
      }
    };
    let chunks: AsyncIterable<string> = readChunks(job.input);
    if (parallel && !workers && startAfter > 0) {
      // Standard input, of unknown size: read `startAfter` characters ahead; if more follow, the workers take it all.
      const ahead = await readAhead(chunks, startAfter);
      chunks = ahead.items;
      if (ahead.more) workers = parallel();
    }
    for await (const [chunk, more] of withLookahead(chunks)) {
      if (workers) {
        const text = workers.restore(chunk, job.ocr, styleOf(chunk));
        text.catch(() => {}); // awaited in order by flush; this only keeps an early failure from going unhandled
        pending.push({ syllables: countWords(chunk), bytes: Buffer.byteLength(chunk), text });
        await flush(workers.depth);
        continue;
      }
      // From standard input with workers asked for, they start as soon as a second chunk shows up: they load while
      // this chunk is restored here, and take the next ones.
      if (parallel && startAfter === 0 && more) workers = parallel();
      const options = { ocr: job.ocr, toneStyle: styleOf(chunk), ...(model ? { model } : {}) };
      let syllables: number;
      if (job.detailed || job.json) {
        const tokens = restoreDetailed(chunk, options);
        syllables = 0;
        for (const t of tokens) {
          if (t.kind !== 'word') continue;
          syllables++;
          if (t.output !== t.input && result.changed !== null) result.changed++;
          if (t.confidence < LOW_CONFIDENCE && result.lowConfidence !== null) result.lowConfidence++;
        }
        const text = job.json
          ? tokens
              .map(
                (t) =>
                  `${JSON.stringify({ kind: t.kind, input: t.input, output: t.output, confidence: Number(t.confidence.toFixed(4)), alternatives: t.alternatives })}\n`,
              )
              .join('')
          : tokens.map((t) => t.output).join('');
        await out.write(text);
      } else {
        syllables = countWords(chunk);
        await out.write(restore(chunk, options));
      }
      result.syllables += syllables;
      onChunk?.(syllables, Buffer.byteLength(chunk));
    }
    await flush(0);
    await out.commit(job.backup === true);
  } catch (err) {
    sink?.discard();
    result.error = err instanceof InputError || err instanceof OutputError ? err.message : reason(err);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

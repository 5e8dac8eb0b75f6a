import { copyFileSync, createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { type Model, restore, restoreDetailed } from 'vi-restore';
import { reason } from './io.js';
import type { ChunkPool } from './pool.js';
import { InputError, readChunks } from './stream.js';

/** Tokens the model is less sure of than this are counted as low-confidence in reports. */
export const LOW_CONFIDENCE = 0.6;

export interface Job {
  input: string;
  /** Where the result goes; undefined: standard output. */
  output?: string;
  backup?: boolean;
  ocr: boolean;
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

const WORD = /\p{L}+/gu;

function write(sink: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (sink.write(text)) resolve();
    else {
      sink.once('drain', resolve);
      sink.once('error', reject);
    }
  });
}

function close(sink: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    sink.once('error', reject);
    sink.end(resolve);
  });
}

/** Chunks restored by a {@link ChunkPool}, in input order, until written. */
interface Pending {
  syllables: number;
  text: Promise<string>;
}

/**
 * Restore one input into its output, chunk by chunk; never leaves a half-written output file.
 * With `pool` (a large input and several cores), chunks after the first go to worker threads,
 * a few at a time, and are written in order.
 */
export async function runJob(
  job: Job,
  model: Model | undefined,
  onChunk?: (syllables: number) => void,
  pool?: () => ChunkPool,
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
  let tmp: string | undefined;
  let sink: Writable = process.stdout;
  try {
    if (job.output) {
      if (job.input !== '-') for await (const _ of readChunks(job.input)); // validate before writing anything
      mkdirSync(dirname(job.output), { recursive: true });
      tmp = join(dirname(job.output), `.${basename(job.output)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      sink = createWriteStream(tmp);
    } else if (job.input !== '-') for await (const _ of readChunks(job.input));
    const options = { ocr: job.ocr, ...(model ? { model } : {}) };
    const pending: Pending[] = [];
    const flush = async (keep: number) => {
      while (pending.length > keep) {
        const p = pending.shift() as Pending;
        await write(sink, await p.text);
        result.syllables += p.syllables;
        onChunk?.(p.syllables);
      }
    };
    let first = true;
    for await (const chunk of readChunks(job.input)) {
      if (pool && !first && !job.detailed && !job.json) {
        const text = pool().restore(chunk, job.ocr);
        text.catch(() => {}); // awaited in order by flush; this only keeps an early failure from going unhandled
        pending.push({ syllables: chunk.match(WORD)?.length ?? 0, text });
        await flush(pool().depth);
        continue;
      }
      first = false;
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
        await write(sink, text);
      } else {
        syllables = chunk.match(WORD)?.length ?? 0;
        await write(sink, restore(chunk, options));
      }
      result.syllables += syllables;
      onChunk?.(syllables);
    }
    await flush(0);
    if (tmp && job.output) {
      await close(sink);
      if (job.backup) copyFileSync(job.output, `${job.output}.bak`);
      renameSync(tmp, job.output);
      tmp = undefined;
    }
  } catch (err) {
    if (tmp) {
      sink.destroy();
      rmSync(tmp, { force: true });
    }
    result.error = err instanceof InputError ? err.message : reason(err);
  }
  result.ms = Math.round(performance.now() - started);
  return result;
}

// The browser's side of POST /people/import (see protocol.ts): sends the records compressed and
// reads the streamed answer line by line.
import type { ImportError } from '@threadline/domain/org/people-csv';
import { type ImportMessage, type ImportRejection } from './protocol.ts';

export type ImportResult =
  | { kind: 'done'; created: number; updated: number; teams: number }
  | { kind: 'invalid'; errors: ImportError[]; errorCount: number }
  | { kind: 'failed'; message: string };

const CONNECTION_BROKE =
  'The connection broke before the import finished. An import is written completely or not at all: open the people list to see whether it went through.';

async function requestBody(records: readonly (readonly string[])[]) {
  const json = JSON.stringify({ records });
  if (typeof CompressionStream === 'undefined') return { body: json, gzip: false };
  const compressed = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(compressed).blob(), gzip: true };
}

/** Splits a byte stream into NDJSON messages. */
export async function* ndjsonMessages(
  stream: ReadableStream<Uint8Array>,
): AsyncGenerator<ImportMessage> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) yield JSON.parse(line) as ImportMessage;
    }
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered) as ImportMessage;
}

export async function sendImport(
  records: readonly (readonly string[])[],
  onProgress: (done: number, total: number) => void,
  endpoint = '/people/import',
): Promise<ImportResult> {
  let response: Response;
  try {
    const { body, gzip } = await requestBody(records);
    response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      },
      body,
    });
  } catch {
    return {
      kind: 'failed',
      message:
        'The server could not be reached, so nothing was imported. Check your connection and try again.',
    };
  }
  if (response.status === 400) {
    const answer = (await response.json().catch(() => null)) as Partial<
      ImportRejection & { message: string }
    > | null;
    if (answer?.errors) {
      return {
        kind: 'invalid',
        errors: answer.errors,
        errorCount: answer.errorCount ?? answer.errors.length,
      };
    }
    return {
      kind: 'failed',
      message: `Nothing was imported: ${answer?.message ?? 'the request was refused.'}`,
    };
  }
  if (!response.ok || !response.body) {
    const answer = (await response.json().catch(() => null)) as { message?: string } | null;
    return {
      kind: 'failed',
      message: `Nothing was imported: ${answer?.message ?? `the server answered ${response.status}.`}`,
    };
  }
  try {
    for await (const message of ndjsonMessages(response.body)) {
      switch (message.type) {
        case 'progress':
          onProgress(message.done, message.total);
          break;
        case 'done':
          return {
            kind: 'done',
            created: message.created,
            updated: message.updated,
            teams: message.teams,
          };
        case 'invalid':
          return { kind: 'invalid', errors: message.errors, errorCount: message.errorCount };
        case 'failed':
          return { kind: 'failed', message: message.message };
      }
    }
  } catch {
    // Fall through: the answer broke off.
  }
  // The transaction either committed or rolled back; the page cannot tell which.
  return { kind: 'failed', message: CONNECTION_BROKE };
}

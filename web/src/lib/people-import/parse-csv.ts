// Reads a CSV file in the browser into records (arrays of cells), chunk by chunk so a progress bar
// can move and the page stays responsive. papaparse runs on the main thread: its worker mode
// needs a blob: worker, which the Content-Security-Policy forbids.
//
// The file is decoded whole first rather than through papaparse's FileStreamer, which slices the
// file at byte offsets and turns an accented letter cut in two into '��'.
import Papa from 'papaparse';
import { recordLines, type ImportError } from '@threadline/domain/org/people-csv';

/** Characters handed to the parser at a time; the page repaints between chunks. */
export const PARSE_CHUNK_SIZE = 64 * 1024;

export interface ParsedCsv {
  records: string[][];
  /** Problems the parser itself found (an unclosed quote), with their lines. */
  errors: ImportError[];
}

/**
 * UTF-8 (with or without a byte-order mark) or UTF-16 with a mark; a file that is not valid UTF-8
 * is read as Windows-1252, which is what spreadsheet programs on Windows save as plain "CSV".
 */
export function decodeCsvBytes(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (view[0] === 0xff && view[1] === 0xfe) return new TextDecoder('utf-16le').decode(view);
  if (view[0] === 0xfe && view[1] === 0xff) return new TextDecoder('utf-16be').decode(view);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    return new TextDecoder('windows-1252').decode(view);
  }
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The separator the header line uses most: commas, or semicolons where a comma is the decimal
 * mark, or tabs. papaparse's own guess trips over a trailing blank line in short files.
 */
export function guessDelimiter(text: string): string {
  const header = text.trimStart().split(/\r?\n|\r/, 1)[0] ?? '';
  let best: string = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = header.split(delimiter).length - 1;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Parses CSV text chunk by chunk, reporting the share done (0–1) after each chunk and yielding
 * to the browser in between. `signal` abandons the parse (another file was chosen).
 */
export function parseCsvText(
  text: string,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<ParsedCsv> {
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    const parserErrors: { record: number; code: string }[] = [];
    Papa.parse<string[]>(text, {
      header: false,
      delimiter: guessDelimiter(text),
      skipEmptyLines: false,
      chunkSize: PARSE_CHUNK_SIZE,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        for (const error of results.errors) {
          if (error.type === 'Quotes' && error.row !== undefined) {
            parserErrors.push({ record: records.length + error.row, code: error.code });
          }
        }
        for (const record of results.data) records.push(record);
        onProgress(text.length === 0 ? 1 : Math.min(1, results.meta.cursor / text.length));
        if (signal?.aborted) {
          parser.abort();
          reject(signal.reason);
          return;
        }
        parser.pause();
        void nextTask().then(() => parser.resume());
      },
      complete() {
        if (signal?.aborted) return;
        // papaparse reports the end of a file with a final newline as one more, empty record.
        const last = records.at(-1);
        if (last && last.length === 1 && last[0] === '') records.pop();
        onProgress(1);
        const lines = recordLines(records);
        resolve({
          records,
          errors: parserErrors.map(({ record, code }) => ({
            line: lines[record] ?? 1,
            message:
              code === 'MissingQuotes'
                ? 'a quoted value starts on this line and is never closed (a " is missing)'
                : 'a value has a stray " in it: put quotes around the whole value and double the quotes inside it',
          })),
        });
      },
      error(error: Error) {
        reject(error);
      },
    });
  });
}

/** Reads and parses a file the person chose or dropped. */
export async function parseCsvFile(
  file: Blob,
  onProgress: (fraction: number) => void = () => {},
  signal?: AbortSignal,
): Promise<ParsedCsv> {
  const text = decodeCsvBytes(await file.arrayBuffer());
  signal?.throwIfAborted();
  return parseCsvText(text, onProgress, signal);
}

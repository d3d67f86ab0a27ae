import { describe, expect, it } from 'vitest';
import {
  formatImportError,
  importContext,
  planPeopleImportFromRecords,
} from '@threadline/domain/org/people-csv';
import { decodeCsvBytes, PARSE_CHUNK_SIZE, parseCsvFile, parseCsvText } from './parse-csv.ts';

const empty = importContext({ people: [], teamNames: [] });

describe('parseCsvText', () => {
  it('[CSV3] numbers lines as the file has them, quoted line breaks and CRLF included', async () => {
    const text = [
      'Name,Email,Title',
      'Ada,ada@x.io,"Head of',
      'Platform"',
      '',
      '"Ben ""B"" Ortiz",bob@,Engineer',
      '',
    ].join('\r\n');
    const { records, errors } = await parseCsvText(text);
    expect(errors).toEqual([]);
    expect(records[1]).toEqual(['Ada', 'ada@x.io', 'Head of\r\nPlatform']);
    const plan = planPeopleImportFromRecords(records, empty);
    expect(plan.creates[0]).toMatchObject({ line: 2, title: 'Head of\r\nPlatform' });
    expect(plan.errors.map(formatImportError)).toEqual([
      "Line 5: email 'bob@' is not a valid address",
    ]);
  });

  it('[CSV3] reports an unclosed quote on the line where it starts', async () => {
    const { errors } = await parseCsvText('Name,Email\nAda,ada@x.io\nBen,"ben@x.io\nCy,cy@x.io\n');
    expect(errors.map(formatImportError)).toEqual([
      'Line 3: a quoted value starts on this line and is never closed (a " is missing)',
    ]);
  });

  it('reads semicolon-separated files too', async () => {
    const { records } = await parseCsvText('Name;Email\nAda;ada@x.io\n');
    expect(records).toEqual([
      ['Name', 'Email'],
      ['Ada', 'ada@x.io'],
    ]);
  });

  it('reports progress chunk by chunk up to the whole file', async () => {
    const line = 'Someone Long-Named,someone@example.com,Engineer,,Platform,remote,2024-01-01\n';
    const text = `Name,Email,Title,Manager,Team,Location,Hire date\n${line.repeat(5000)}`;
    const seen: number[] = [];
    const { records } = await parseCsvText(text, (fraction) => seen.push(fraction));
    expect(records).toHaveLength(5001);
    expect(seen.length).toBeGreaterThanOrEqual(Math.floor(text.length / PARSE_CHUNK_SIZE));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1);
  });

  it('stops when the parse is abandoned', async () => {
    const controller = new AbortController();
    const text = `Name,Email\n${'Ada,ada@x.io\n'.repeat(20000)}`;
    const parsing = parseCsvText(
      text,
      () => controller.abort(new Error('another file')),
      controller.signal,
    );
    await expect(parsing).rejects.toThrow('another file');
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a byte-order mark', () => {
    const bytes = new TextEncoder().encode('Name\nChloé');
    expect(decodeCsvBytes(bytes)).toBe('Name\nChloé');
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe('Name\nChloé');
  });

  it('falls back to Windows-1252 for files that are not UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array([0x43, 0x68, 0x6c, 0x6f, 0xe9]))).toBe('Chloé');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe('Aé');
  });

  it('parses a file given as a Blob', async () => {
    const { records } = await parseCsvFile(new Blob(['Name,Email\nZoë,zoe@x.io\n']));
    expect(records).toEqual([
      ['Name', 'Email'],
      ['Zoë', 'zoe@x.io'],
    ]);
  });
});

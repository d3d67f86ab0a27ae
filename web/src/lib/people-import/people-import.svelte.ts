// State of the import page: a file goes empty → reading → preview → importing → imported, and
// back to preview when the server refuses it or the import fails. Each stage carries only what is
// valid in it. Stages are replaced whole ($state.raw): a 5,000-row file is not made deeply
// reactive.
import {
  planPeopleImport,
  readPeopleCsv,
  type ImportContext,
  type ImportError,
  type PeopleCsv,
  type PeopleImportPlan,
} from '@threadline/domain/org/people-csv';
import { parseCsvFile } from './parse-csv.ts';
import { previewRows, type PreviewRow } from './preview-rows.ts';
import { sendImport } from './send-import.ts';

export interface FileInfo {
  name: string;
  size: number;
}

export interface Preview {
  file: FileInfo;
  records: string[][];
  csv: PeopleCsv;
  plan: PeopleImportPlan;
  /** Parser and rule errors by line (the server's, after it refused the file). */
  errors: ImportError[];
  /** All errors, when the server listed only the first ones. */
  errorCount: number;
  /** Why the last import attempt wrote nothing, if it failed. */
  failure: string | null;
}

export type ImportStage =
  | { kind: 'empty'; problem: string | null }
  | { kind: 'reading'; file: FileInfo; progress: number }
  | ({ kind: 'preview' } & Preview)
  | ({ kind: 'importing'; done: number; total: number } & Preview)
  | { kind: 'imported'; file: FileInfo; created: number; updated: number; teams: number };

export class PeopleImport {
  stage = $state.raw<ImportStage>({ kind: 'empty', problem: null });
  readonly #context: () => ImportContext;
  #reading: AbortController | null = null;

  /** `context` is read when a file is checked, so it can follow the page's reloaded data. */
  constructor(context: () => ImportContext) {
    this.#context = context;
  }

  get canImport(): boolean {
    const stage = this.stage;
    return (
      stage.kind === 'preview' &&
      stage.errors.length === 0 &&
      stage.plan.creates.length + stage.plan.updates.length > 0
    );
  }

  /** The first rows of the file, each marked new, update or error. */
  get previewRows(): PreviewRow[] {
    const stage = this.stage;
    if (stage.kind !== 'preview' && stage.kind !== 'importing') return [];
    return previewRows(stage.csv.rows, stage.plan, stage.errors);
  }

  /** Reads, parses and checks a chosen or dropped file; a newer file abandons an older one. */
  async choose(file: File): Promise<void> {
    if (this.stage.kind === 'importing') return;
    this.#reading?.abort();
    const reading = new AbortController();
    this.#reading = reading;
    const info: FileInfo = { name: file.name, size: file.size };
    this.stage = { kind: 'reading', file: info, progress: 0 };
    try {
      const parsed = await parseCsvFile(
        file,
        (progress) => {
          if (!reading.signal.aborted) this.stage = { kind: 'reading', file: info, progress };
        },
        reading.signal,
      );
      if (reading.signal.aborted) return;
      const csv = readPeopleCsv(parsed.records);
      const plan = planPeopleImport(csv, this.#context());
      const errors = [...parsed.errors, ...plan.errors].sort((a, b) => a.line - b.line);
      this.stage = {
        kind: 'preview',
        file: info,
        records: parsed.records,
        csv,
        plan,
        errors,
        errorCount: errors.length,
        failure: null,
      };
    } catch {
      if (reading.signal.aborted) return;
      this.stage = {
        kind: 'empty',
        problem: `${file.name} could not be read as a CSV file. Save it from your spreadsheet as CSV and choose it again.`,
      };
    } finally {
      if (this.#reading === reading) this.#reading = null;
    }
  }

  /** Sends the previewed file; the server checks it again and writes all of it or nothing. */
  async import(): Promise<void> {
    const stage = this.stage;
    if (stage.kind !== 'preview' || !this.canImport) return;
    const { kind: _kind, ...preview } = stage;
    const total = preview.plan.creates.length + preview.plan.updates.length;
    this.stage = { ...preview, kind: 'importing', done: 0, total, failure: null };
    const result = await sendImport(preview.records, (done, total) => {
      if (this.stage.kind === 'importing') this.stage = { ...this.stage, done, total };
    });
    switch (result.kind) {
      case 'done':
        this.stage = {
          kind: 'imported',
          file: preview.file,
          created: result.created,
          updated: result.updated,
          teams: result.teams,
        };
        break;
      case 'invalid':
        this.stage = {
          ...preview,
          kind: 'preview',
          errors: result.errors,
          errorCount: result.errorCount,
          failure: 'The server found problems in the file, so nothing was imported.',
        };
        break;
      case 'failed':
        this.stage = { ...preview, kind: 'preview', failure: result.message };
        break;
    }
  }

  reset(): void {
    this.#reading?.abort();
    this.stage = { kind: 'empty', problem: null };
  }
}

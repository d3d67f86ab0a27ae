import { describe, expect, it } from 'vitest';
import {
  NEVER_EXPORTED_TABLES,
  checkManifest,
  exportTables,
  isDocumentExported,
  orgExportFileName,
  ORG_EXPORT_FORMAT,
  ORG_EXPORT_VERSION,
  type OrgExportOptions,
} from './org-format.ts';

const series = '0b7f3c1e-2a4d-4e8f-9a1b-3c5d7e9f1a2b';
const person = '1c8e4d2f-3b5e-4f9a-8b2c-4d6e8f0a2b3c';
const hrOff: OrgExportOptions = { audience: 'hr-admin', hrMayReadAgendas: false };
const hrOn: OrgExportOptions = { audience: 'hr-admin', hrMayReadAgendas: true };
const operator: OrgExportOptions = { audience: 'operator', hrMayReadAgendas: false };

describe('what an organisation export holds', () => {
  it('[EXP14] never private notes or moods, whoever asks', () => {
    for (const options of [hrOff, hrOn, operator]) {
      expect(isDocumentExported(`private-notes/${series}/${person}`, options)).toBe(false);
      expect(isDocumentExported(`one-on-one-mood/${series}`, options)).toBe(false);
      expect(isDocumentExported(`goals/${series}`, options)).toBe(true);
      expect(isDocumentExported(`calibration/${series}`, options)).toBe(true);
      expect(isDocumentExported('not-a-document', options)).toBe(false);
    }
  });

  it('[EXP15] shared agendas only when HR may read them, or for the operator', () => {
    expect(isDocumentExported(`one-on-one/${series}`, hrOff)).toBe(false);
    expect(isDocumentExported(`one-on-one/${series}`, hrOn)).toBe(true);
    expect(isDocumentExported(`one-on-one/${series}`, operator)).toBe(true);
  });

  it('[EXP15] development plans only in the operator’s export (ONE41: never an HR admin’s)', () => {
    expect(isDocumentExported(`development-plan/${person}`, hrOn)).toBe(false);
    expect(isDocumentExported(`development-plan/${person}`, operator)).toBe(true);
  });

  it('[EXP15] skill gaps and development items per person only in the operator’s export (ONE41)', () => {
    for (const table of ['skill_gaps', 'development_items']) {
      expect(exportTables(hrOn).map((t) => t.name)).not.toContain(table);
      expect(exportTables(operator).map((t) => t.name)).toContain(table);
    }
  });

  it('[EXP14] no sessions, invitations or moods table; no password hashes for HR', () => {
    const names = exportTables(hrOn).map((t) => t.name);
    for (const never of NEVER_EXPORTED_TABLES) expect(names).not.toContain(never);
    const people = exportTables({ ...hrOn, includePasswordHashes: true }).find(
      (t) => t.name === 'people',
    );
    expect(people!.omit).toContain('password_hash');
  });

  it('[EXP15] an operator keeps password hashes only when asked', () => {
    const people = (o: OrgExportOptions) => exportTables(o).find((t) => t.name === 'people')!;
    expect(people(operator).omit).toContain('password_hash');
    expect(people({ ...operator, includePasswordHashes: true }).omit).toEqual([]);
  });

  it('[EXP13] tables come in an order a restore can insert them in', () => {
    const names = exportTables(operator).map((t) => t.name);
    const before = (a: string, b: string) =>
      expect(names.indexOf(a)).toBeLessThan(names.indexOf(b));
    before('organisations', 'teams');
    before('teams', 'people');
    before('people', 'one_on_one_series');
    before('cycles', 'calibration_sessions');
    before('calibration_sessions', 'calibration_moves');
    before('one_on_one_series', 'one_on_one_meeting_analytics');
    before('skills', 'skill_gaps');
    before('skills', 'development_items');
    before('people', 'person_pay');
  });
});

describe('reading a manifest', () => {
  const good = {
    format: ORG_EXPORT_FORMAT,
    version: ORG_EXPORT_VERSION,
    organisation: { id: series, name: 'Demo', slug: 'demo' },
    tables: [{ name: 'people', rows: 1, omitted: [] }],
  };

  it('[EXP21] accepts this format and version', () => {
    expect(checkManifest(good)).toBeNull();
  });

  it('[EXP21] refuses another format, another version or an unknown table', () => {
    expect(checkManifest({ ...good, format: 'zip' })).toEqual({ kind: 'format' });
    expect(checkManifest(null)).toEqual({ kind: 'format' });
    expect(checkManifest({ ...good, version: 2 })).toEqual({ kind: 'version', version: 2 });
    expect(
      checkManifest({ ...good, tables: [{ name: 'sessions', rows: 1, omitted: [] }] }),
    ).toEqual({ kind: 'table', name: 'sessions' });
  });

  it('names the download after the organisation and the day', () => {
    expect(orgExportFileName('demo', new Date('2026-12-07T15:00:00Z'))).toBe(
      'demo-export-2026-12-07.zip',
    );
  });
});

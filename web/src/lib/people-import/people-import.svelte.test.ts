import { afterEach, describe, expect, it, vi } from 'vitest';
import { importContext } from '@threadline/domain/org/people-csv';
import { PeopleImport } from './people-import.svelte.ts';

const context = importContext({
  people: [{ email: 'ada@x.io', managerEmail: null, status: 'active' }],
  teamNames: ['Platform'],
});

const file = (text: string, name = 'people.csv') => new File([text], name, { type: 'text/csv' });
const GOOD = 'Name,Email,Team\nAda,ada@x.io,Platform\nBen,ben@x.io,Data\n';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('PeopleImport', () => {
  it('starts empty and previews a chosen file with its counts and rows', async () => {
    const importer = new PeopleImport(() => context);
    expect(importer.stage).toEqual({ kind: 'empty', problem: null });
    await importer.choose(file(GOOD));
    const stage = importer.stage;
    expect(stage.kind).toBe('preview');
    if (stage.kind !== 'preview') return;
    expect(stage.plan.creates.map((person) => person.email)).toEqual(['ben@x.io']);
    expect(stage.plan.updates.map((person) => person.email)).toEqual(['ada@x.io']);
    expect(stage.plan.newTeams).toEqual(['Data']);
    expect(importer.previewRows.map(({ row, action }) => [row.line, action])).toEqual([
      [2, 'update'],
      [3, 'new'],
    ]);
    expect(importer.canImport).toBe(true);
  });

  it('[CSV15] keeps Import off while the file has errors, parser errors included', async () => {
    const importer = new PeopleImport(() => context);
    await importer.choose(file('Name,Email\nBob,bob@\nCy,"cy@x.io\n'));
    const stage = importer.stage;
    if (stage.kind !== 'preview') throw new Error(stage.kind);
    expect(stage.errors.map((error) => error.line)).toEqual([2, 3]);
    expect(importer.canImport).toBe(false);
    expect(importer.previewRows[0]!.action).toBe('error');
  });

  it('a newer file replaces one still being read', async () => {
    const importer = new PeopleImport(() => context);
    const big = `Name,Email\n${'Zed,zed@x.io\n'.repeat(30000)}`;
    const first = importer.choose(file(big, 'big.csv'));
    const second = importer.choose(file(GOOD, 'small.csv'));
    await Promise.all([first, second]);
    expect(importer.stage.kind === 'preview' && importer.stage.file.name).toBe('small.csv');
  });

  it('imports, then shows what was written', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(
          '{"type":"progress","done":2,"total":2}\n{"type":"done","created":1,"updated":1,"teams":1}\n',
        ),
    );
    const importer = new PeopleImport(() => context);
    await importer.choose(file(GOOD));
    await importer.import();
    expect(importer.stage).toEqual({
      kind: 'imported',
      file: { name: 'people.csv', size: GOOD.length },
      created: 1,
      updated: 1,
      teams: 1,
    });
  });

  it('returns to the preview with the server’s errors when it refuses the file', async () => {
    const errors = [
      {
        line: 3,
        column: 'email',
        message: "email 'ben@x.io' belongs to an account in another organisation",
      },
    ];
    vi.stubGlobal('fetch', async () => Response.json({ errors, errorCount: 1 }, { status: 400 }));
    const importer = new PeopleImport(() => context);
    await importer.choose(file(GOOD));
    await importer.import();
    const stage = importer.stage;
    if (stage.kind !== 'preview') throw new Error(stage.kind);
    expect(stage.errors).toEqual(errors);
    expect(stage.failure).toBe('The server found problems in the file, so nothing was imported.');
    expect(importer.canImport).toBe(false);
  });
});

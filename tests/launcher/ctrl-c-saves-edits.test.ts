// A Ctrl-C in the terminal while people are editing: the launcher stops the sync server first,
// which saves every edit it holds (SYNC15), then the web server, then PostgreSQL. The terminal
// signals its whole foreground group; if PostgreSQL were in it, it would stop at once and the
// sync server could save nothing more. Ctrl-C comes as soon as the server has taken every edit —
// a member of the room that only watches has had them all relayed, which the server does before
// saving them (SYNC6) — and edits wait eight seconds for their group commit, so it catches them
// received but not yet saved even on a busy machine. (Shutdown writes them at once: the group
// commit stops waiting for company, SYNC15.)
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createPool,
  createSession,
  generateSessionToken,
  SESSION_COOKIE_NAME,
} from '@threadline/db';
import { verifyCredentials } from '@threadline/db/accounts';
import {
  DEMO_DEPARTMENT_HEAD_EMAIL,
  DEMO_EMPLOYEE_EMAIL,
  DEMO_MANAGER_EMAIL,
  DEMO_PASSWORD,
} from '@threadline/db/demo';
import { startEmbeddedPostgres } from '@threadline/db/embedded';
import {
  eventually,
  goalEditor,
  openRaw,
  replicaFromServer,
  type RawSocket,
} from '../integration/sync-support.ts';
import {
  embeddedUrl,
  launch,
  pressCtrlC,
  useThrowawayInstallation,
  untilRunning,
} from './launcher-support.ts';

const EDITS_PER_PERSON = 25;
const COMMIT_DELAY_MS = 8_000;

const installation = useThrowawayInstallation();

/** Signs a demo account in with its password, as the sign-in page does, and opens its goal tree. */
async function signInDemo(email: string) {
  const pool = createPool(embeddedUrl(installation.ports.postgres), 1);
  try {
    const person = await verifyCredentials(pool, email, DEMO_PASSWORD);
    if (!person) throw new Error(`${email} could not sign in`);
    const token = generateSessionToken();
    await createSession(pool, token, person);
    const { rows } = await pool.query<{ id: string }>(
      `SELECT id FROM cycles WHERE organisation_id = $1 AND status = 'active' LIMIT 1`,
      [person.organisationId],
    );
    return {
      personId: person.id,
      organisationId: person.organisationId,
      cookie: `${SESSION_COOKIE_NAME}=${token}`,
      documentName: `goals/${rows[0]!.id}`,
    };
  } finally {
    await pool.end();
  }
}

/** The document as `watcher` has received it: its first sync, then every update relayed since. */
function replicaOfWatcher(watcher: RawSocket): Y.Doc {
  const doc = new Y.Doc();
  for (const m of watcher.received) {
    if (m.type === 'sync-step-2' || m.type === 'sync-update') Y.applyUpdate(doc, m.update);
  }
  return doc;
}

const clocksOf = (doc: Y.Doc) => Y.decodeStateVector(Y.encodeStateVector(doc));

async function savedUpdates(organisationId: string, documentName: string): Promise<Uint8Array[]> {
  const database = await startEmbeddedPostgres({
    dataDir: installation.dataDir,
    port: installation.ports.postgres,
  });
  const pool = createPool(embeddedUrl(installation.ports.postgres), 1);
  try {
    const { rows } = await pool.query<{ update: Buffer }>(
      `SELECT update FROM document_updates
        WHERE organisation_id = $1 AND document_name = $2 ORDER BY seq`,
      [organisationId, documentName],
    );
    return rows.map((row) => new Uint8Array(row.update));
  } finally {
    await pool.end();
    await database.stop();
  }
}

describe('Ctrl-C while people edit', () => {
  it('[SYNC15] saves every edit the sync server had received, then stops PostgreSQL, and exits 0', async () => {
    const launched = launch({
      ...installation,
      env: { SYNC_COMMIT_DELAY_MS: String(COMMIT_DELAY_MS) },
    });
    await untilRunning(launched);

    const editors = await Promise.all(
      [DEMO_EMPLOYEE_EMAIL, DEMO_MANAGER_EMAIL, DEMO_DEPARTMENT_HEAD_EMAIL].map(async (email) => {
        const person = await signInDemo(email);
        const client = await openRaw(installation.ports.sync, person.documentName, person.cookie);
        await client.until(() => client.acks().length > 0); // joined: the document is loaded
        return { person, client, edits: goalEditor(person.personId) };
      }),
    );
    // A second connection of the first editor's, which edits nothing: the room relays to it
    // every update the server has taken, before saving it.
    const { person: first } = editors[0]!;
    const watcher = await openRaw(installation.ports.sync, first.documentName, first.cookie);
    await replicaFromServer(watcher);
    for (const { client, edits } of editors) {
      client.sendUpdate(Y.mergeUpdates(edits.take())); // adds the person's goal
      for (let i = 1; i <= EDITS_PER_PERSON; i++) {
        edits.retitle(`Edit ${i}`);
        for (const update of edits.take()) client.sendUpdate(update);
      }
    }
    const clientId = (doc: Y.Doc) => doc.clientID;
    const sent = (doc: Y.Doc) => clocksOf(doc).get(clientId(doc));
    // The server has taken every edit: the watcher has had each editor's last one relayed.
    await watcher.until(() => {
      const relayed = clocksOf(replicaOfWatcher(watcher));
      return (
        editors.every(({ edits }) => relayed.get(clientId(edits.doc)) === sent(edits.doc)) ||
        watcher.closeCode !== undefined
      );
    });
    expect(watcher.closeCode).toBeUndefined();
    for (const { client, edits } of editors) {
      expect(client.lastAck().get(clientId(edits.doc)) ?? 0).toBe(0); // none saved yet
    }

    expect(await pressCtrlC(launched)).toBe(0);
    expect(launched.output()).not.toContain('ELIFECYCLE');
    for (const { client } of [...editors, { client: watcher }]) {
      await eventually(() => client.closeCode !== undefined);
      expect(client.closeCode).toBe(1012);
    }

    const { organisationId, documentName } = editors[0]!.person;
    const saved = new Y.Doc();
    for (const update of await savedUpdates(organisationId, documentName)) {
      Y.applyUpdate(saved, update);
    }
    const savedClocks = clocksOf(saved);
    for (const { edits } of editors) {
      expect(savedClocks.get(clientId(edits.doc))).toBe(sent(edits.doc));
    }
  }, 240_000);
});

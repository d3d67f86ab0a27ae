// The sync server signs people in with the web app's session cookie (issue 2: "the session must be
// readable by the sync server"). Real server on port 0, real Postgres, real websocket clients.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createSession, generateSessionToken, SESSION_COOKIE_NAME } from '@threadline/db';
import { CloseCode } from '@threadline/domain/protocol/close-codes';
import { FREE_FORM_KINDS } from '@threadline/sync-server/documents/free-form';
import { createOrganisation, createPerson } from '../support/factories.ts';
import { useSyncServer } from '../support/sync-server.ts';

const sync = useSyncServer({ kinds: FREE_FORM_KINDS });

async function signedInCookie(status: 'active' | 'deactivated' = 'active') {
  const org = await createOrganisation(sync.db.pool);
  const person = await createPerson(sync.db.pool, org.id);
  const token = generateSessionToken();
  await createSession(sync.db.pool, token, person);
  if (status === 'deactivated') {
    await sync.db.pool.query(
      `UPDATE people SET status = 'deactivated', deactivated_at = now() WHERE id = $1`,
      [person.id],
    );
  }
  return { cookie: `${SESSION_COOKIE_NAME}=${token}`, person };
}

/** Opens a websocket and resolves with the close code the server ends it with. */
function closeCodeOf(path: string, cookie?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${sync.port}${path}`, {
      headers: cookie ? { cookie } : {},
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

describe('sync server authentication', () => {
  it('[SYNC2] accepts then closes a connection without a session cookie with 4401', async () => {
    expect(await closeCodeOf('/sync/goals/any')).toBe(CloseCode.Unauthorized);
  });

  it('[SYNC2] closes a connection with an unknown token with 4401', async () => {
    expect(
      await closeCodeOf('/sync/goals/any', `${SESSION_COOKIE_NAME}=${generateSessionToken()}`),
    ).toBe(CloseCode.Unauthorized);
  });

  it('[SYNC2] closes the connection of a deactivated person with 4401', async () => {
    const { cookie } = await signedInCookie('deactivated');
    expect(await closeCodeOf('/sync/goals/any', cookie)).toBe(CloseCode.Unauthorized);
  });

  it('[SYNC1] gets past authentication with a valid web session, then refuses a name that names no document with 4404', async () => {
    const { cookie } = await signedInCookie();
    expect(await closeCodeOf('/sync/goals/any', cookie)).toBe(CloseCode.UnknownDocument);
  });

  it('reports the signed-in person on /session and refuses without a cookie', async () => {
    const { cookie, person } = await signedInCookie();
    const ok = await fetch(`http://127.0.0.1:${sync.port}/session`, { headers: { cookie } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      person: { id: person.id, name: person.name, organisationId: person.organisationId },
    });
    const refused = await fetch(`http://127.0.0.1:${sync.port}/session`);
    expect(refused.status).toBe(401);
  });

  it('answers /healthz once the database answers', async () => {
    const response = await fetch(`http://127.0.0.1:${sync.port}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});

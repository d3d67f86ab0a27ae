// ORG18, ORG19 against a real PostgreSQL: only an active administrator changes the organisation's
// settings, and a refused change leaves both as they were.
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createPerson } from '../../tests/support/factories.ts';
import { useTestDatabase, type TestDatabase } from '../../tests/support/test-database.ts';
import { organisationSettings, saveOrganisationSettings } from './organisation-settings.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await useTestDatabase();
});

async function organisation() {
  const org = await createOrganisation(db.pool);
  const admin = await createPerson(db.pool, org.id, { role: 'admin' });
  const member = await createPerson(db.pool, org.id, { role: 'member' });
  return { org, admin, member };
}

describe('organisation settings', () => {
  it('[ORG18] start with HR reading off and no locale (each browser’s)', async () => {
    const { org } = await organisation();
    expect(await organisationSettings(db.pool, org.id)).toEqual({
      hrMayReadOneOnOnes: false,
      locale: null,
    });
  });

  it('[ORG18] an administrator turns HR reading on and sets the locale, canonical', async () => {
    const { org, admin } = await organisation();
    const saved = await saveOrganisationSettings(db.pool, admin, {
      hrMayReadOneOnOnes: true,
      locale: 'de-de',
    });
    expect(saved).toEqual({ ok: true, value: { hrMayReadOneOnOnes: true, locale: 'de-DE' } });
    expect(await organisationSettings(db.pool, org.id)).toEqual({
      hrMayReadOneOnOnes: true,
      locale: 'de-DE',
    });
  });

  it('[ORG18] a member can change neither setting', async () => {
    const { org, admin, member } = await organisation();
    await saveOrganisationSettings(db.pool, admin, { hrMayReadOneOnOnes: true, locale: 'en-GB' });
    for (const input of [
      { hrMayReadOneOnOnes: false, locale: 'en-GB' },
      { hrMayReadOneOnOnes: true, locale: 'fr-FR' },
    ]) {
      expect(await saveOrganisationSettings(db.pool, member, input)).toEqual({
        ok: false,
        forbidden: true,
      });
    }
    expect(await organisationSettings(db.pool, org.id)).toEqual({
      hrMayReadOneOnOnes: true,
      locale: 'en-GB',
    });
  });

  it('[ORG18] an administrator who lost the role or was deactivated is refused too', async () => {
    const { org, admin } = await organisation();
    const demoted = await createPerson(db.pool, org.id, { role: 'admin' });
    await db.pool.query(`UPDATE people SET role = 'member' WHERE id = $1`, [demoted.id]);
    const gone = await createPerson(db.pool, org.id, { role: 'admin', status: 'deactivated' });
    for (const actor of [demoted, gone]) {
      expect(
        await saveOrganisationSettings(db.pool, actor, { hrMayReadOneOnOnes: true, locale: '' }),
      ).toEqual({ ok: false, forbidden: true });
    }
    expect((await organisationSettings(db.pool, org.id)).hrMayReadOneOnOnes).toBe(false);
    expect(
      await saveOrganisationSettings(db.pool, admin, { hrMayReadOneOnOnes: true, locale: '' }),
    ).toMatchObject({ ok: true });
  });

  it('[ORG18] an administrator of another organisation changes nothing here', async () => {
    const { org } = await organisation();
    const other = await organisation();
    const outcome = await saveOrganisationSettings(
      db.pool,
      { id: other.admin.id, organisationId: org.id },
      { hrMayReadOneOnOnes: true, locale: 'en-GB' },
    );
    expect(outcome).toEqual({ ok: false, forbidden: true });
    expect(await organisationSettings(db.pool, org.id)).toEqual({
      hrMayReadOneOnOnes: false,
      locale: null,
    });
  });

  it('[ORG19] a bad locale tag is refused with how to write one, and nothing changes', async () => {
    const { org, admin } = await organisation();
    expect(
      await saveOrganisationSettings(db.pool, admin, {
        hrMayReadOneOnOnes: true,
        locale: 'en_GB',
      }),
    ).toEqual({
      ok: false,
      errors: {
        locale:
          '“en_GB” is not a language tag. Write a language tag such as en-GB, de-DE or fr-FR.',
      },
    });
    expect(await organisationSettings(db.pool, org.id)).toEqual({
      hrMayReadOneOnOnes: false,
      locale: null,
    });
  });

  it('[ORG19] the database keeps out what no language tag is', async () => {
    const { org } = await organisation();
    await expect(
      db.pool.query(`UPDATE organisations SET locale = 'en GB; drop' WHERE id = $1`, [org.id]),
    ).rejects.toThrow(/check constraint/);
  });
});

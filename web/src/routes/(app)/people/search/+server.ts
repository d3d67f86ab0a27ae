// People to choose as a manager, for the person combobox: GET /people/search?q=…&exclude=<id>.
import { json } from '@sveltejs/kit';
import { searchPeople } from '@threadline/db/people';
import { isUuid } from '@threadline/domain/ids';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function GET({ locals, url }) {
  const admin = requireAdmin(locals);
  const exclude = url.searchParams.get('exclude');
  const people = await searchPeople(
    db(),
    admin.organisationId,
    (url.searchParams.get('q') ?? '').slice(0, 200),
    { excludeId: isUuid(exclude) ? exclude : null, limit: 20 },
  );
  return json({
    people: people.map(({ id, name, title, email }) => ({ id, name, title, email })),
  });
}

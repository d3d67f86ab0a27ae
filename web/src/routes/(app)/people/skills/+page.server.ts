// The organisation's skill list (ONE40): administrators add and rename skills; everyone picks from
// it when flagging a skill gap in a 1:1 (where a new name joins the list too).
import { fail } from '@sveltejs/kit';
import { addSkill, listSkills, renameSkill } from '@threadline/db/development';
import { isUuid } from '@threadline/domain/ids';
import { requireAdmin } from '$lib/people/admin-guard.server';
import { db } from '$lib/server/db';

export async function load({ locals }) {
  const admin = requireAdmin(locals);
  return { skills: await listSkills(db(), admin.organisationId) };
}

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};

const NO_SUCH_SKILL: Record<string, string> = { form: 'There is no such skill.' };

export const actions = {
  add: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const form = await request.formData();
    const outcome = await addSkill(db(), admin.organisationId, text(form, 'name'), admin.id);
    if (!outcome.ok) return fail(400, { action: 'add', errors: outcome.errors });
    return { added: outcome.value };
  },

  rename: async ({ locals, request }) => {
    const admin = requireAdmin(locals);
    const form = await request.formData();
    const id = text(form, 'id');
    if (!isUuid(id)) return fail(400, { action: 'rename', id, errors: NO_SUCH_SKILL });
    const outcome = await renameSkill(db(), admin.organisationId, id, text(form, 'name'));
    if (!outcome.ok) return fail(400, { action: 'rename', id, errors: outcome.errors });
    return { renamed: outcome.value };
  },
};

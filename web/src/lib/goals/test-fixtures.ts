// Small goal trees and directories for the goal UI's unit tests.
import * as Y from 'yjs';
import { addGoal, type NewGoal } from '@threadline/domain/goals/edits';
import type { GoalLevel } from '@threadline/domain/goals/model';
import { uuid } from '@threadline/domain/goals/testing';
import { Directory, type DirectoryPerson } from './org-directory.ts';

export const AUTHOR = uuid(900);

/**
 * A document from an outline: each entry is [id number, parent id number or null, title], added
 * in order (so a parent comes before its children).
 */
export function treeDoc(
  outline: readonly [number, number | null, string, Partial<NewGoal>?][],
): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1;
  for (const [id, parent, title, extra] of outline) {
    const level: GoalLevel = parent === null ? 'company' : 'person';
    addGoal(
      doc,
      {
        id: uuid(id),
        title,
        level,
        ownerId: AUTHOR,
        parentId: parent === null ? null : uuid(parent),
        ...extra,
      },
      { by: AUTHOR, at: '2026-07-01T00:00:00.000Z' },
    );
  }
  return doc;
}

/** A directory from [id number, manager id number or null, team] rows. */
export function directoryOf(
  rows: readonly [number, number | null, string | null][],
  extra: Partial<DirectoryPerson> = {},
): Directory {
  return new Directory({
    people: rows.map(([id, manager, team]) => ({
      id: uuid(id),
      name: `Person ${id}`,
      managerId: manager === null ? null : uuid(manager),
      teamId: team,
      status: 'active',
      role: 'member',
      ...extra,
    })),
    teams: [],
  });
}

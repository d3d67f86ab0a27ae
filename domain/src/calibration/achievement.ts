// Goal achievement as the player card shows it (CAL42), read from a goal tree document rather
// than from its projection: the mean progress, capped to 0–1, of each owner's active and done
// goals with progress, deleted goals left out. The board's page reads the projection
// (db/src/calibration-players.ts); the demo's seed reads this to give its calibration session
// ratings that disagree with goals on purpose (DEMO25).
import type * as Y from 'yjs';
import { readTree } from '../goals/document.ts';
import { treeProgress } from '../goals/progress.ts';

export function goalAchievementByOwner(doc: Y.Doc): Map<string, number> {
  const { goals, tree } = readTree(doc);
  const progress = treeProgress(goals, tree);
  const sums = new Map<string, { sum: number; count: number }>();
  for (const goal of goals.values()) {
    if (goal.deleted || goal.ownerId === null) continue;
    if (goal.state !== 'active' && goal.state !== 'done') continue;
    const value = progress.get(goal.id);
    if (value === null || value === undefined) continue;
    const entry = sums.get(goal.ownerId) ?? { sum: 0, count: 0 };
    entry.sum += Math.min(1, Math.max(0, value));
    entry.count += 1;
    sums.set(goal.ownerId, entry);
  }
  return new Map([...sums].map(([owner, { sum, count }]) => [owner, sum / count]));
}

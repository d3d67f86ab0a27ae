// The views of a goal tree's snapshot a client may ask the sync server for (SYNC27,
// `GET /snapshot/goals/<cycleId>?part=…`) besides the whole tree's: only what the signed-in
// person's first screen needs (GOAL29). Named once for the server's goal-tree kind, which
// offers them, and the page, which asks for them.

export const FIRST_SCREEN_VIEW = 'first-screen';

export const GOAL_TREE_SNAPSHOT_VIEWS = [FIRST_SCREEN_VIEW] as const;

/** A snapshot a goal-tree page may ask for: the whole tree's, or a view of it. */
export type GoalTreeSnapshotPart = 'whole' | (typeof GOAL_TREE_SNAPSHOT_VIEWS)[number];

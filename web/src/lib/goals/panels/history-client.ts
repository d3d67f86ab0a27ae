// The browser side of the goal history (GOAL24): where to ask, and the answer's shape.
import type { HistoryEntry } from './goal-history.ts';

export function historyUrl(documentName: string, goalId: string): string {
  return `/goals/history?${new URLSearchParams({ document: documentName, goal: goalId })}`;
}

export async function fetchHistory(
  documentName: string,
  goalId: string,
  fetcher: typeof fetch = fetch,
): Promise<HistoryEntry[]> {
  const response = await fetcher(historyUrl(documentName, goalId));
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  const body = (await response.json()) as { entries: HistoryEntry[] };
  return body.entries;
}

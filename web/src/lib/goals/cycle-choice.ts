// Which cycle's tree the page opens: the one asked for in `?cycle=` when it is one of the
// organisation's, else the active one, else the most recent (cycles come newest first).

export interface CycleSummary {
  id: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: 'planned' | 'active' | 'closed';
}

export function chooseCycle<T extends Pick<CycleSummary, 'id' | 'status'>>(
  cycles: readonly T[],
  requested: string | null,
): T | null {
  if (requested !== null) {
    const asked = cycles.find((cycle) => cycle.id === requested);
    if (asked) return asked;
  }
  return cycles.find((cycle) => cycle.status === 'active') ?? cycles[0] ?? null;
}

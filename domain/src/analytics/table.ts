// Every chart's numbers as one table (ANA10, ANA30): the page shows it as the chart's accessible
// table view, and the CSV download writes the same table.

export type Cell = string | number | null;

export interface NumbersTable {
  columns: string[];
  rows: Cell[][];
}

/** A share (0–1) as the tables write it: a percentage rounded to one decimal. */
export function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * 1000) / 10;
}

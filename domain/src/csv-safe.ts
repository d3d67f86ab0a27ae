// The one guard against spreadsheet formula injection for every CSV the product writes
// (CAL80, EXP10, ANA10): text a spreadsheet would run as a formula or a DDE call — starting with
// `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms — gets a leading `'`,
// which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A submitted form's text fields as a plain object (uploaded files left out). */
export function formValues(data: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of data) {
    if (typeof value === 'string') values[key] = value;
  }
  return values;
}

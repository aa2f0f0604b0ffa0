/** One CSV field, quoted when it holds a separator, quote or line break; formula prefixes neutralised. */
function field(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (RFC 4180, CRLF). */
export function csvLine(values: unknown[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

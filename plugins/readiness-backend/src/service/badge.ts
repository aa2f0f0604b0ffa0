const COLORS: Record<string, string> = {
  gold: '#c9a227',
  silver: '#8a8d91',
  bronze: '#a5682a',
};

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, c => `&#${c.charCodeAt(0)};`);
}

/** A flat two-part SVG badge, e.g. "readiness | silver". */
export function renderBadge(label: string, value: string): string {
  const width = (text: string) => 10 + text.length * 7;
  const left = width(label);
  const right = width(value);
  const color = COLORS[value] ?? '#555f6b';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${
      left + right
    }" height="20" role="img" aria-label="${escapeXml(`${label}: ${value}`)}">`,
    `<rect width="${left}" height="20" fill="#3a3f44"/>`,
    `<rect x="${left}" width="${right}" height="20" fill="${color}"/>`,
    `<g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">`,
    `<text x="5" y="14">${escapeXml(label)}</text>`,
    `<text x="${left + 5}" y="14">${escapeXml(value)}</text>`,
    `</g></svg>`,
  ].join('');
}

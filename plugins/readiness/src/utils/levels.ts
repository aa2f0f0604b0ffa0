/** Colours of the well-known level names; dark text on a light fill stays readable in both themes. */
const KNOWN_LEVELS: Record<string, { background: string; color: string }> = {
  bronze: { background: '#f0d2b4', color: '#5b3413' },
  silver: { background: '#e3e6ea', color: '#2f3640' },
  gold: { background: '#f7e08b', color: '#4d3b00' },
  platinum: { background: '#d9ecf2', color: '#1d3f4a' },
};

/** Fills for other level names, by position in the scorecard. */
const FALLBACK = [
  { background: '#dbe9f7', color: '#173b61' },
  { background: '#d8f0dd', color: '#1b4d2a' },
  { background: '#eadcf5', color: '#43215e' },
  { background: '#fbe3cf', color: '#5e3112' },
];

/** Chart colours per level name: stronger than the chip fills. */
const CHART: Record<string, string> = {
  none: '#9e9e9e',
  bronze: '#b87333',
  silver: '#8a9bb0',
  gold: '#d4a017',
  platinum: '#4fa3bd',
};
const CHART_FALLBACK = ['#3f7fbf', '#4caf50', '#8e5bbf', '#e07b39'];

/** The name users see for a level; `null` is "None". */
export function levelLabel(level: string | null | undefined): string {
  if (!level || level === 'none') {
    return 'None';
  }
  return level.charAt(0).toLocaleUpperCase('en-US') + level.slice(1);
}

/** Chip colours of a level (null for none). */
export function levelChipColors(
  level: string | null,
  levels: string[] = [],
): { background: string; color: string } | null {
  if (!level || level === 'none') {
    return null;
  }
  const known = KNOWN_LEVELS[level.toLocaleLowerCase('en-US')];
  if (known) {
    return known;
  }
  const index = Math.max(0, levels.indexOf(level));
  return FALLBACK[index % FALLBACK.length];
}

/** Chart colour of a level name, `none` included. */
export function levelChartColor(level: string, levels: string[] = []): string {
  const known = CHART[level.toLocaleLowerCase('en-US')];
  if (known) {
    return known;
  }
  const index = Math.max(0, levels.indexOf(level));
  return CHART_FALLBACK[index % CHART_FALLBACK.length];
}

/**
 * The level names of a distribution in display order: `none` first, then
 * the scorecard's levels from lowest to highest, then any other key seen.
 */
export function orderedLevelKeys(
  levels: string[],
  distributions: Array<Record<string, number>>,
): string[] {
  const seen = new Set<string>();
  distributions.forEach(d => Object.keys(d).forEach(k => seen.add(k)));
  const ordered = ['none', ...levels].filter(
    k => seen.has(k) || k === 'none' || levels.includes(k),
  );
  seen.forEach(k => {
    if (!ordered.includes(k)) {
      ordered.push(k);
    }
  });
  return ordered;
}

/** Documentation text: headings, length and SemVer headings. */

const SEMVER = /\bv?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)\b/;

/** True for files whose headings are read: Markdown, reStructuredText, AsciiDoc, plain README. */
export function isDocumentPath(path: string): boolean {
  return (
    /\.(md|markdown|mdx|rst|adoc|asciidoc|txt)$/i.test(path) ||
    /(^|\/)(readme|changelog|changes|history)$/i.test(path)
  );
}

function markdownHeadings(lines: string[]): string[] {
  const headings: string[] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence) continue;
    const atx = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (atx) {
      headings.push(atx[1]);
      continue;
    }
    const next = lines[i + 1];
    if (line.trim() && next !== undefined && /^\s{0,3}(=+|-+)\s*$/.test(next)) {
      if (!/^\s{0,3}([-*_]\s*){3,}$/.test(line) && !/^\s*[-*+]\s/.test(line)) {
        headings.push(line.trim());
        i++;
      }
    }
  }
  return headings;
}

function rstHeadings(lines: string[]): string[] {
  const headings: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const text = lines[i].trim();
    const under = lines[i + 1].trim();
    if (
      text &&
      /^([=\-~^"'`#*+:.])\1+$/.test(under) &&
      under.length >= text.length &&
      !/^([=\-~^"'`#*+:.])\1+$/.test(text)
    ) {
      headings.push(text);
      i++;
    }
  }
  return headings;
}

function asciidocHeadings(lines: string[]): string[] {
  return lines
    .map(l => /^={1,6}\s+(.*\S)\s*$/.exec(l)?.[1])
    .filter((h): h is string => !!h);
}

/** Headings of a document, by its file type. */
export function headingsOf(path: string, content: string): string[] {
  const lines = content.split(/\r?\n/);
  if (/\.rst$/i.test(path)) return rstHeadings(lines);
  if (/\.(adoc|asciidoc)$/i.test(path)) return asciidocHeadings(lines);
  return markdownHeadings(lines);
}

/** Length, line count and headings of a document. */
export function describeDocument(
  path: string,
  content: string,
): { length: number; lines: number; headings: string[] } {
  const trimmed = content.trim();
  return {
    length: trimmed.length,
    lines: trimmed ? trimmed.split(/\r?\n/).length : 0,
    headings: headingsOf(path, content).slice(0, 200),
  };
}

/** SemVer numbers found in headings, in document order (at most 20). */
export function semverHeadings(headings: string[]): string[] {
  const versions: string[] = [];
  for (const heading of headings) {
    const match = SEMVER.exec(heading);
    if (match && !versions.includes(match[1])) versions.push(match[1]);
    if (versions.length >= 20) break;
  }
  return versions;
}

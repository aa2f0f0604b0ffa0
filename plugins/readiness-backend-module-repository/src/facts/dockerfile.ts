import { BaseImage, DockerfileFacts } from './types';

interface Instruction {
  keyword: string;
  args: string;
}

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
function instructions(content: string): Instruction[] {
  const escape = /^#\s*escape\s*=\s*`/im.test(content.slice(0, 200))
    ? '`'
    : '\\';
  const result: Instruction[] = [];
  let current = '';
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!current && /^\s*#/.test(line)) continue;
    if (current && /^\s*#/.test(line)) continue;
    if (line.endsWith(escape)) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    current += line;
    const match = /^\s*([A-Za-z]+)\s*(.*)$/.exec(current);
    if (match)
      result.push({ keyword: match[1].toUpperCase(), args: match[2].trim() });
    current = '';
  }
  return result;
}

/** Substitutes `$VAR`, `${VAR}` and `${VAR:-default}`; names without a value are reported. */
function substitute(
  text: string,
  args: Map<string, string | undefined>,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const value = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_, braced: string, op: string, word: string, bare: string) => {
      const name = braced ?? bare;
      const known = args.get(name);
      if (op === '-' && !known) return word;
      if (op === '+') return known ? word : '';
      if (known === undefined) {
        unresolved.push(name);
        return '';
      }
      return known;
    },
  );
  return { value, unresolved };
}

/** Splits an image reference into its tag and digest. */
export function parseImageReference(image: string): {
  tag: string | null;
  digest: string | null;
} {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : null;
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastSegment = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return { tag: colon >= 0 ? lastSegment.slice(colon + 1) : null, digest };
}

function isRootUser(user: string | null): boolean {
  if (user === null) return true;
  const name = user.split(':')[0].trim();
  return name === 'root' || name === '0';
}

/** Parses a Dockerfile: stages, base images with pinning, final USER. */
export function parseDockerfile(
  path: string,
  content: string,
): DockerfileFacts {
  const args = new Map<string, string | undefined>();
  const stageNames: string[] = [];
  const stages: DockerfileFacts['stages'] = [];
  const baseImages: BaseImage[] = [];
  let user: string | null = null;
  let seenFrom = false;

  for (const { keyword, args: rest } of instructions(content)) {
    if (keyword === 'ARG' && !seenFrom) {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:=(.*))?$/.exec(rest);
      if (match) {
        args.set(match[1], match[2]?.replace(/^["']|["']$/g, ''));
      }
    } else if (keyword === 'FROM') {
      seenFrom = true;
      user = null;
      const words = rest.split(/\s+/).filter(w => !w.startsWith('--'));
      const raw = words[0] ?? '';
      const asIndex = words.findIndex(w => w.toUpperCase() === 'AS');
      const name = asIndex >= 0 ? words[asIndex + 1] ?? null : null;
      const { value, unresolved } = substitute(raw, args);
      const lower = value.toLowerCase();
      let kind: 'image' | 'scratch' | 'stage' = 'image';
      if (lower === 'scratch') kind = 'scratch';
      else if (stageNames.includes(lower)) kind = 'stage';
      stages.push({ from: raw, name, kind });
      if (name) stageNames.push(name.toLowerCase());
      if (kind === 'image') {
        const { tag, digest } = parseImageReference(value);
        const digestPinned = /^sha256:[a-f0-9]{64}$/.test(digest ?? '');
        baseImages.push({
          file: path,
          image: value,
          raw,
          tag,
          digest,
          digestPinned,
          pinned:
            unresolved.length === 0 &&
            (digestPinned || (!!tag && tag.toLowerCase() !== 'latest')),
          stage: name,
          unresolvedArgs: unresolved,
        });
      }
    } else if (keyword === 'USER') {
      user = rest.trim() || null;
    }
  }
  return {
    path,
    stages,
    baseImages,
    finalUser: user,
    finalUserIsRoot: isRootUser(user),
    allBasesPinned: baseImages.every(b => b.pinned),
    allBasesDigestPinned: baseImages.every(b => b.digestPinned),
  };
}

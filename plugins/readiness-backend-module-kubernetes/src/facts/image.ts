/**
 * A container image reference split into its parts.
 *
 * @public
 */
export interface ImageReference {
  /** The reference as written in the manifest. */
  reference: string;
  /** Registry host; `docker.io` when the reference names none. */
  registry: string;
  /** Registry and path without tag or digest, e.g. `registry.example.com/payments-api`. */
  repository: string;
  /** The tag, or null when the reference has none (which means `latest` unless a digest is given). */
  tag: string | null;
  /** `sha256:<64 hex>` when the reference is pinned by digest, else null. */
  digest: string | null;
}

const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Parses an image reference as the container runtime resolves it. */
export function parseImage(reference: string): ImageReference {
  let rest = reference.trim();
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const candidate = rest.slice(at + 1);
    digest = DIGEST.test(candidate) ? candidate : null;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  const first = parts[0];
  const hasRegistry =
    parts.length > 1 &&
    (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first : 'docker.io';
  let path = hasRegistry ? parts.slice(1).join('/') : rest;
  if (!hasRegistry && !path.includes('/')) path = `library/${path}`;
  return {
    reference,
    registry,
    repository: `${registry}/${path}`,
    tag,
    digest,
  };
}

/**
 * The digest of a running container from `status.containerStatuses[].imageID`
 * (`docker-pullable://repo@sha256:...`, `repo@sha256:...` or `sha256:...`).
 */
export function digestOfImageId(imageId: unknown): string | undefined {
  if (typeof imageId !== 'string') return undefined;
  const match = /(sha256:[0-9a-f]{64})$/.exec(imageId);
  return match ? match[1] : undefined;
}

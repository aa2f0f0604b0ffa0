import { dirname, isAbsolute, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { normalizeTreePath } from '../facts';
import { Mirror } from '../config';

/** Where a tree is read from: a URL for the UrlReaderService or a local directory. */
export type TreeSource =
  | { type: 'url'; url: string }
  | { type: 'file'; dir: string };

/** What to read for one entity. */
export interface ReadTarget {
  /** The annotation the location came from. */
  annotation: string;
  /** The location as the annotation names it (directory of managed-by-location). */
  target: string;
  /** The tree at the location, after mirrors. */
  tree: TreeSource;
  /**
   * The repository root, for CI definitions and CODEOWNERS; undefined when
   * the location is the root. Local trees find it by looking for `.git`.
   */
  root?: TreeSource;
  /** Path of the location inside the repository; null when it cannot be told. */
  subpath: string | null;
  /** The branch the location names, for CI branch filters. */
  ref: string | null;
}

function split(
  reference: string,
): { type: string; target: string } | undefined {
  const colon = reference.indexOf(':');
  if (colon <= 0) return undefined;
  return {
    type: reference.slice(0, colon),
    target: reference.slice(colon + 1),
  };
}

/** The branch or ref named by an SCM URL, by the conventions of the common hosts. */
export function refOfUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const version = parsed.searchParams.get('version');
  if (version?.startsWith('GB')) return version.slice(2);
  const at = parsed.searchParams.get('at');
  if (at) return at.replace(/^refs\/heads\//, '');
  const gerrit = /\/\+\/refs\/heads\/([^/]+)/.exec(parsed.pathname);
  if (gerrit) return decodeURIComponent(gerrit[1]);
  const scm = /\/(?:-\/)?(?:tree|blob|src)\/(?:branch\/)?([^/]+)/.exec(
    parsed.pathname,
  );
  return scm ? decodeURIComponent(scm[1]) : null;
}

function stripSlash(url: string): string {
  return url.replace(/\/+(\?|$)/, '$1');
}

/**
 * The location's path inside the repository: `''` when the location is the
 * root, null when the two URLs cannot be compared.
 */
export function subpathOf(url: string, rootUrl: string): string | null {
  if (stripSlash(url) === stripSlash(rootUrl)) return '';
  const location = new URL(url);
  const root = new URL(rootUrl);
  const locationPath = location.searchParams.get('path');
  if (locationPath !== null || root.searchParams.get('path') !== null) {
    return normalizeTreePath(locationPath ?? '') ?? '';
  }
  if (location.pathname.startsWith(root.pathname)) {
    return (
      normalizeTreePath(
        decodeURIComponent(location.pathname.slice(root.pathname.length)),
      ) ?? ''
    );
  }
  if (root.pathname.startsWith(`${location.pathname.replace(/\/$/, '')}/`))
    return '';
  return null;
}

function applyMirror(url: string, mirrors: Mirror[]): string | undefined {
  const mirror = mirrors.find(m => url.startsWith(m.from));
  return mirror ? mirror.to + url.slice(mirror.from.length) : undefined;
}

function localPath(
  target: string,
  base: string | undefined,
  annotation: string,
): string {
  const path = target.startsWith('file://') ? fileURLToPath(target) : target;
  if (isAbsolute(path)) return resolvePath(path);
  if (!base) {
    throw new InputError(
      `${annotation} names the relative local path "${target}", which needs a file: ${ANNOTATION_LOCATION} to be relative to`,
    );
  }
  return resolvePath(base, path);
}

/**
 * Decides what to read for an entity: `backstage.io/source-location`, or the
 * directory of `backstage.io/managed-by-location` when that is absent
 * (checklist `own-source-location`), with mirrors applied.
 */
export function resolveReadTarget(
  entity: Entity,
  options: { integrations: ScmIntegrationRegistry; mirrors: Mirror[] },
): ReadTarget {
  const annotations = entity.metadata.annotations ?? {};
  const managedBy = annotations[ANNOTATION_LOCATION]
    ? split(annotations[ANNOTATION_LOCATION])
    : undefined;
  const managedByDir =
    managedBy?.type === 'file'
      ? dirname(localPath(managedBy.target, undefined, ANNOTATION_LOCATION))
      : undefined;

  let annotation = ANNOTATION_SOURCE_LOCATION;
  let location = annotations[ANNOTATION_SOURCE_LOCATION]
    ? split(annotations[ANNOTATION_SOURCE_LOCATION])
    : undefined;
  if (!annotations[ANNOTATION_SOURCE_LOCATION]) {
    if (!managedBy) {
      throw new InputError(
        `The entity has neither ${ANNOTATION_SOURCE_LOCATION} nor ${ANNOTATION_LOCATION}, so there is no source tree to read`,
      );
    }
    annotation = ANNOTATION_LOCATION;
    location = managedBy;
    if (managedBy.type === 'url') {
      const dir = options.integrations.resolveUrl({
        url: './',
        base: managedBy.target,
      });
      location = { type: 'url', target: dir };
    } else if (managedBy.type === 'file') {
      location = { type: 'file', target: managedByDir! };
    }
  }
  if (!location || !['url', 'file'].includes(location.type)) {
    throw new InputError(
      `${annotation} "${annotations[annotation]}" is not a url: or file: location`,
    );
  }

  if (location.type === 'file') {
    const dir = localPath(location.target, managedByDir, annotation);
    return {
      annotation,
      target: `file:${location.target}`,
      tree: { type: 'file', dir },
      subpath: null,
      ref: null,
    };
  }

  const url = location.target;
  const ref = refOfUrl(url);
  const mirrored = applyMirror(url, options.mirrors);
  if (mirrored !== undefined) {
    const to = split(mirrored);
    if (to?.type === 'file') {
      return {
        annotation,
        target: `url:${url}`,
        tree: {
          type: 'file',
          dir: localPath(
            to.target,
            process.cwd(),
            'readiness.repository.mirrors',
          ),
        },
        subpath: null,
        ref,
      };
    }
    return urlTarget(
      annotation,
      url,
      to?.type === 'url' ? to.target : mirrored,
      ref,
      options.integrations,
    );
  }
  return urlTarget(annotation, url, url, ref, options.integrations);
}

function urlTarget(
  annotation: string,
  original: string,
  url: string,
  ref: string | null,
  integrations: ScmIntegrationRegistry,
): ReadTarget {
  let rootUrl: string | undefined;
  try {
    rootUrl = integrations.resolveUrl({ url: '/', base: url });
  } catch {
    rootUrl = undefined;
  }
  const subpath = rootUrl ? subpathOf(url, rootUrl) : null;
  return {
    annotation,
    target: `url:${original}`,
    tree: { type: 'url', url },
    root: rootUrl && subpath ? { type: 'url', url: rootUrl } : undefined,
    subpath: subpath ?? null,
    ref,
  };
}

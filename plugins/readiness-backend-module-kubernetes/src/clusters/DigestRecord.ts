import { digestOfImageId, parseImage } from '../facts/image';
import { at, objs, str } from '../facts/json';
import { namespaceOf } from '../facts/objects';
import { PromotionRecord } from '../facts/options';
import { ListedSnapshot } from './ClusterSource';

const KEEP_MS = 30 * 86_400_000;

/**
 * The provider's bounded memory of which image digests ran in which
 * environment and since when (last 30 days), fed by every successful listing
 * of a live cluster. It lives in the backend process: after a restart it
 * starts again, and `cfg-same-image-across-envs` stays unknown until it
 * reaches back far enough.
 */
export class DigestRecord implements PromotionRecord {
  private readonly entries = new Map<string, { first: number; last: number }>();
  private sinceMs?: number;

  constructor(private readonly now: () => number = Date.now) {}

  /** Records the digests of a listing's pods. */
  observe(listed: ListedSnapshot): void {
    const { snapshot } = listed;
    if (!snapshot.cluster.live) return;
    const now = this.now();
    const env = (ns: string) =>
      snapshot.cluster.namespaceEnvironments[ns] ??
      snapshot.cluster.environment;
    const observedFrom = now - listed.observedForMs;
    if (
      Object.values(snapshot.cluster.namespaceEnvironments).includes(
        'staging',
      ) ||
      snapshot.cluster.environment === 'staging'
    ) {
      this.sinceMs = Math.min(this.sinceMs ?? observedFrom, observedFrom);
    }
    for (const pod of snapshot.objects.pods ?? []) {
      const images = new Map(
        [
          ...objs(at(pod, 'spec', 'containers')),
          ...objs(at(pod, 'spec', 'initContainers')),
        ].map(c => [str(c.name), str(c.image)]),
      );
      for (const cs of [
        ...objs(at(pod, 'status', 'containerStatuses')),
        ...objs(at(pod, 'status', 'initContainerStatuses')),
      ]) {
        const digest = digestOfImageId(cs.imageID);
        const image = images.get(str(cs.name));
        if (!digest || !image) continue;
        const started = Date.parse(
          str(at(pod, 'status', 'startTime')) ??
            str(at(cs, 'state', 'running', 'startedAt')) ??
            '',
        );
        const first = Number.isNaN(started) ? now : Math.min(started, now);
        const key = `${env(namespaceOf(pod))}|${
          parseImage(image).repository
        }|${digest}`;
        const entry = this.entries.get(key);
        this.entries.set(key, {
          first: Math.min(entry?.first ?? first, first),
          last: now,
        });
      }
    }
    for (const [key, entry] of this.entries) {
      if (now - entry.last > KEEP_MS) this.entries.delete(key);
    }
    if (this.sinceMs !== undefined)
      this.sinceMs = Math.max(this.sinceMs, now - KEEP_MS);
  }

  since(): string | undefined {
    return this.sinceMs === undefined
      ? undefined
      : new Date(this.sinceMs).toISOString();
  }

  firstSeen(
    environment: string,
    repository: string,
    digest: string,
  ): string | undefined {
    const entry = this.entries.get(`${environment}|${repository}|${digest}`);
    return entry ? new Date(entry.first).toISOString() : undefined;
  }
}

import { FactOptions } from './options';
import { ContainerFacts, PromotionFacts } from './types';

function earliest(...times: Array<string | null | undefined>): string | null {
  const known = times.filter((t): t is string => Boolean(t));
  if (!known.length) return null;
  return known.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b));
}

function promotionOf(
  container: ContainerFacts,
  all: ContainerFacts[],
  options: FactOptions,
): PromotionFacts {
  const sameName = all.filter(c => c.name === container.name && !c.fromCronJob);
  const staging = sameName.filter(c => c.environment === 'staging');
  const stagingRepositories = [
    ...new Set(staging.map(c => c.image.repository)),
  ];
  const repository = container.image.repository;
  const digest = container.runningDigests?.[0] ?? container.image.digest;
  const record = options.promotion;
  const runsDigest = (c: ContainerFacts) =>
    digest !== null && (c.runningDigests ?? []).includes(digest);
  const firstSeenInProduction = digest
    ? earliest(
        record?.firstSeen('production', repository, digest),
        ...sameName
          .filter(c => c.environment === 'production' && runsDigest(c))
          .map(c => c.runningSince),
      )
    : null;
  const firstSeenInStaging = digest
    ? earliest(
        record?.firstSeen('staging', repository, digest),
        ...staging.filter(runsDigest).map(c => c.runningSince),
      )
    : null;
  const recordSince = record?.since() ?? null;
  let seenInStagingFirst: boolean | null = null;
  if (
    firstSeenInStaging &&
    firstSeenInProduction &&
    Date.parse(firstSeenInStaging) <= Date.parse(firstSeenInProduction)
  ) {
    seenInStagingFirst = true;
  } else if (
    recordSince &&
    firstSeenInProduction &&
    Date.parse(firstSeenInProduction) >= Date.parse(recordSince)
  ) {
    seenInStagingFirst = false;
  }
  return {
    stagingRepositories,
    sameRepository: stagingRepositories.length
      ? stagingRepositories.every(r => r === repository)
      : null,
    digest,
    firstSeenInProduction,
    firstSeenInStaging,
    recordSince,
    seenInStagingFirst,
  };
}

/**
 * Adds promotion facts to live production containers of workloads: whether
 * the image repository matches staging and whether the running digest ran in
 * staging first (from the provider's record and the pods' start times).
 */
export function addPromotion(
  containers: ContainerFacts[],
  options: FactOptions,
): ContainerFacts[] {
  return containers.map(c =>
    c.environment === 'production' &&
    !c.fromCronJob &&
    c.runningDigests !== null
      ? { ...c, promotion: promotionOf(c, containers, options) }
      : c,
  );
}

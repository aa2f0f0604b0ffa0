import { ContentFactSource } from '@readiness/backstage-plugin-readiness-node';
import { kubernetesFactsFromManifests } from './facts/manifests';

/**
 * The `kubernetes` facts of posted or checked-out manifests, as one
 * production cluster that is not live (so checks of live state are unknown).
 * What the provider's `factsFromContent` answers; exported for scaffolder
 * actions and the CLI.
 *
 * @public
 */
export const kubernetesContentFacts: ContentFactSource = {
  id: 'kubernetes',
  factsFromContent(content) {
    if (!content.manifests?.length) {
      return undefined;
    }
    return kubernetesFactsFromManifests({
      entity: content.entity,
      clusters: [{ manifests: content.manifests }],
    }) as unknown as Record<string, unknown>;
  },
};

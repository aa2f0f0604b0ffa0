import { ContentFactSource } from '@readiness/backstage-plugin-readiness-node';
import { buildRepositoryFacts } from './facts';

/**
 * The `repository` facts of posted or checked-out files of a repository
 * tree. What the provider's `factsFromContent` answers; exported for
 * scaffolder actions and the CLI.
 *
 * @public
 */
export const repositoryContentFacts: ContentFactSource = {
  id: 'repository',
  factsFromContent(content) {
    if (!content.files?.length) {
      return undefined;
    }
    return buildRepositoryFacts({
      files: content.files,
    }) as unknown as Record<string, unknown>;
  },
};

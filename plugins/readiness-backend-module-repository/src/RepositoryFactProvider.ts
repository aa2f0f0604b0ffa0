import { NotImplementedError } from '@backstage/errors';
import {
  CollectedFacts,
  FactProvider,
} from '@readiness/backstage-plugin-readiness-node';

/**
 * Facts about an entity's source tree, read through the UrlReaderService.
 * Reading trees is not implemented yet: the provider is registered so that
 * the wiring is in place, and collecting fails loudly rather than report
 * empty facts that would read as failing checks.
 */
export class RepositoryFactProvider implements FactProvider {
  readonly id = 'repository';

  async collect(): Promise<Map<string, CollectedFacts>> {
    throw new NotImplementedError(
      'Reading source repositories is not implemented yet',
    );
  }
}

import { resolve } from 'node:path';
import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import {
  applyScorecardOverrides,
  loadDefaultScorecard,
  ScorecardOverrides,
} from '@readiness/backstage-plugin-readiness-node';
import { createEvaluateWorkspaceAction } from './actions/evaluateWorkspace';
import { createPublishRepositoryAction } from './actions/publishRepository';

/**
 * Adds the Readiness actions to the scaffolder: `readiness:evaluate`, which
 * evaluates against the default production-readiness scorecard with the
 * check overrides of `readiness.defaultScorecard.overrides`, and
 * `readiness:repository:publish` for portals without an SCM host.
 *
 * @public
 */
export const scaffolderModuleReadiness = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'readiness',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        catalog: catalogServiceRef,
      },
      async init({ scaffolderActions, config, catalog }) {
        let loaded: Promise<Scorecard[]> | undefined;
        const scorecards = () =>
          (loaded ??= loadDefaultScorecard().then(scorecard => [
            applyScorecardOverrides(
              scorecard,
              (config.getOptional('readiness.defaultScorecard.overrides') ??
                {}) as ScorecardOverrides,
            ),
          ]));
        const localPublish = config.getOptionalConfig(
          'readiness.scaffolder.localPublish',
        );
        scaffolderActions.addActions(
          createEvaluateWorkspaceAction({ scorecards }),
          createPublishRepositoryAction({
            publish: localPublish && {
              root: resolve(localPublish.getString('root')),
              catalogLocation:
                localPublish.getOptionalString('catalogLocation'),
            },
            integrations: ScmIntegrations.fromConfig(config),
            catalog,
          }),
        );
      },
    });
  },
});

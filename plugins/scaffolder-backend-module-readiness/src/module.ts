import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { Scorecard } from '@readiness/backstage-plugin-readiness-common';
import {
  applyScorecardOverrides,
  loadDefaultScorecard,
  ScorecardOverrides,
} from '@readiness/backstage-plugin-readiness-node';
import { createReadinessEvaluateAction } from './actions/evaluate';

/**
 * Adds the `readiness:evaluate` action to the scaffolder. It evaluates
 * against the default production-readiness scorecard with the check
 * overrides of `readiness.defaultScorecard.overrides`.
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
      },
      async init({ scaffolderActions, config }) {
        let loaded: Promise<Scorecard[]> | undefined;
        const scorecards = () =>
          (loaded ??= loadDefaultScorecard().then(scorecard => [
            applyScorecardOverrides(
              scorecard,
              (config.getOptional('readiness.defaultScorecard.overrides') ??
                {}) as ScorecardOverrides,
            ),
          ]));
        scaffolderActions.addActions(
          createReadinessEvaluateAction({ scorecards }),
        );
      },
    });
  },
});

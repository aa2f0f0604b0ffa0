import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Entity } from '@backstage/catalog-model';
import {
  EntityFacts,
  parseScorecardDocument,
  Scorecard,
} from '@readiness/backstage-plugin-readiness-common';

/** The repository checks of the checklist, written against this module's facts. */
export function loadRepositoryScorecard(): Scorecard {
  const file = resolve(__dirname, 'repositoryScorecard.yaml');
  const [scorecard] = parseScorecardDocument(readFileSync(file, 'utf8'), {
    file,
  });
  return scorecard;
}

/** Entity facts with repository facts and the catalog facts the checks read. */
export function entityFacts(
  entity: Entity,
  repository: unknown,
  dependsOnTypes: string[] = [],
): EntityFacts {
  const collectedAt = new Date().toISOString();
  return {
    entity,
    sources: {
      repository: { status: 'ok', data: repository, collectedAt },
      catalog: {
        status: 'ok',
        data: {
          dependsOn: dependsOnTypes.map(type => ({
            ref: `resource:default/${type}`,
            exists: true,
            kind: 'Resource',
            type,
          })),
        },
        collectedAt,
      },
    },
  };
}

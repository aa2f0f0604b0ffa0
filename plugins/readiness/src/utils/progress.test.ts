import {
  ownerCheck,
  probeCheck,
  replicasCheck,
  runbookCheck,
  scorecardOf,
  check,
} from '../__testUtils__/fixtures';
import { groupByCategory, progressTo, sortByUrgency } from './progress';

describe('progressTo', () => {
  const scorecard = scorecardOf([
    ownerCheck,
    replicasCheck,
    runbookCheck,
    probeCheck,
    check({ checkId: 'na', level: 'bronze', status: 'not-applicable' }),
    check({ checkId: 'ex', level: 'silver', status: 'exempt' }),
  ]);

  it('counts checks of the level and below; not-applicable ones do not count', () => {
    expect(progressTo(scorecard, 'bronze')).toMatchObject({
      reached: false,
      done: 1,
      total: 2,
      blocking: [replicasCheck],
    });
  });

  it('lists failing checks before unknown ones, lowest level first', () => {
    const silver = progressTo(scorecard, 'silver')!;

    expect(silver).toMatchObject({ reached: false, done: 2, total: 5 });
    expect(silver.blocking.map(c => c.checkId)).toEqual([
      'k8s-replicas',
      'runbook-reviewed',
      'k8s-probes',
    ]);
  });

  it('is reached when nothing up to the level fails or is unknown', () => {
    expect(progressTo(scorecardOf([ownerCheck]), 'gold')).toMatchObject({
      reached: true,
      done: 1,
      total: 1,
      blocking: [],
    });
  });

  it('knows no unknown level', () => {
    expect(progressTo(scorecard, 'diamond')).toBeUndefined();
  });
});

describe('sortByUrgency and groupByCategory', () => {
  it('orders and groups checks for display', () => {
    const checks = [probeCheck, ownerCheck, runbookCheck, replicasCheck];

    expect(
      sortByUrgency(checks, ['bronze', 'silver']).map(c => c.checkId),
    ).toEqual(['k8s-replicas', 'runbook-reviewed', 'own-owner', 'k8s-probes']);
    expect(groupByCategory(checks).map(([c, l]) => [c, l.length])).toEqual([
      ['Kubernetes', 2],
      ['Ownership', 1],
      ['Operations', 1],
    ]);
  });
});

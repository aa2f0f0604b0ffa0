import { ScorecardDefinitionError } from '../errors';

/** Options naming the file in messages. */
export const FILE = { file: 'scorecards.yaml' };

/** A valid document whose first check's lines can be replaced. */
export function doc(checkLines: string, checks2 = ''): string {
  return `scorecards:
  - id: production-readiness
    title: Production readiness
    levels: [bronze, silver, gold]
    targets:
      - { tier: 1, level: silver }
    checks:
      - id: k8s-min-replicas
        title: Every workload runs at least two replicas.
        category: Deployment & Kubernetes hygiene
${checkLines}${checks2}`;
}

/** The lines of a valid check after its category. */
export const validCheck = `        level: bronze
        description: Two replicas or more.
        source: kubernetes
        forEach: kubernetes.workloads
        condition: { fact: $.spec.replicas, gte: 2 }
`;

/** The ScorecardDefinitionError thrown by `fn`. */
export function errorOf(fn: () => unknown): ScorecardDefinitionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScorecardDefinitionError) return error;
    throw error;
  }
  throw new Error('expected a ScorecardDefinitionError');
}

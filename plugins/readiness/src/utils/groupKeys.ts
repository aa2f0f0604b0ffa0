import { parseEntityRef } from '@backstage/catalog-model';
import type { ReadinessGroupBy } from '../api';

/** Labels of the group-by fields. */
export const GROUP_BY_LABELS: Record<ReadinessGroupBy, string> = {
  owner: 'Owner',
  system: 'System',
  domain: 'Domain',
  lifecycle: 'Lifecycle',
  tier: 'Tier',
  kind: 'Kind',
};

/** True when a value parses as a full entity ref (`kind:namespace/name`). */
export function isEntityRef(value: string): boolean {
  if (!/^[^:/]+:[^:/]+\/[^:/]+$/.test(value)) {
    return false;
  }
  try {
    parseEntityRef(value);
    return true;
  } catch {
    return false;
  }
}

/** A group key or filter value as people read it: `team-payments`, `(none)`. */
export function formatGroupKey(key: string | null | undefined): string {
  if (key === null || key === undefined || key === '') {
    return '(none)';
  }
  if (isEntityRef(key)) {
    const { namespace, name } = parseEntityRef(key);
    return namespace === 'default' ? name : `${namespace}/${name}`;
  }
  return key;
}

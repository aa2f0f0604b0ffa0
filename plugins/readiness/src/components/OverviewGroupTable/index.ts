export { OverviewGroupTable } from './OverviewGroupTable';
export type { OverviewGroupTableProps } from './OverviewGroupTable';

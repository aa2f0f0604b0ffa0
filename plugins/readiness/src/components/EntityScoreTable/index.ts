export { EntityScoreTable } from './EntityScoreTable';
export type { EntityScoreTableProps } from './EntityScoreTable';

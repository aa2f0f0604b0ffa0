export { OverviewFilters } from './OverviewFilters';
export type { OverviewFiltersProps } from './OverviewFilters';

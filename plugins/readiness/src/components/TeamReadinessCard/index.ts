export { TeamReadinessCard } from './TeamReadinessCard';
export type { TeamReadinessCardProps } from './TeamReadinessCard';

export { ReadinessOverview } from './ReadinessOverview';
export {
  ReadinessOverviewContent,
  ReadinessOverviewPage,
} from './ReadinessOverviewPage';

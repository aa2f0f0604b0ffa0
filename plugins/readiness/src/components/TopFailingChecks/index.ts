export { TopFailingChecks } from './TopFailingChecks';

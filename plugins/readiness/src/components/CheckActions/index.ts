export { CheckActions } from './CheckActions';
export type { CheckActionHandlers } from './CheckActions';

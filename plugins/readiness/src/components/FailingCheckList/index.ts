export { FailingCheckList } from './FailingCheckList';

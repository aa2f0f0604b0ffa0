export { BackendStatusLine } from './BackendStatusLine';

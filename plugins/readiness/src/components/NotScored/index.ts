export { NotScored } from './NotScored';

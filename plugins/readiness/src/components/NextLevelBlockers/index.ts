export { NextLevelBlockers } from './NextLevelBlockers';

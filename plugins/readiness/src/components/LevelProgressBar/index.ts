export { LevelProgressBar } from './LevelProgressBar';

export { StatusChip, statusColor, statusLabel } from './StatusChip';

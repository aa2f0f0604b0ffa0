export { AuditTrailCard } from './AuditTrailCard';

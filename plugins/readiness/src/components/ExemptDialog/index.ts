export { ExemptDialog } from './ExemptDialog';
export type { ExemptDialogProps } from './ExemptDialog';

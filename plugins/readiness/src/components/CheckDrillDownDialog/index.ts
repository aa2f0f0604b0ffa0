export { CheckDrillDownDialog } from './CheckDrillDownDialog';
export type { CheckDrillDownDialogProps } from './CheckDrillDownDialog';

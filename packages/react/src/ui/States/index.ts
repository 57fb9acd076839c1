export { EmptyState, ErrorState, Skeleton, type EmptyStateProps, type ErrorStateProps } from './States.tsx';
export {
  RecordsSection,
  recordsStatusOf,
  type RecordsSectionMessages,
  type RecordsSectionProps,
  type RecordsState,
  type RecordsStatus,
} from './RecordsSection.tsx';

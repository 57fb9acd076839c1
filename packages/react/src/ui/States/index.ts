export { EmptyState, ErrorState, ForbiddenState, Skeleton, type EmptyStateProps, type ErrorStateProps } from './States.tsx';
export {
  RecordsSection,
  recordsStateOf,
  type RecordsSectionMessages,
  type RecordsSectionProps,
  type RecordsState,
  type RecordsStatus,
} from './RecordsSection.tsx';

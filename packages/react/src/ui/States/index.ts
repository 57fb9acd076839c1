export { EmptyState, ErrorState, ForbiddenState, Skeleton, type EmptyStateProps, type ErrorStateProps } from './States.tsx';
export { RecordsSection, type RecordsSectionMessages, type RecordsSectionProps } from './RecordsSection.tsx';

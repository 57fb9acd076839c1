export { EmptyState, ErrorState, Skeleton, type EmptyStateProps, type ErrorStateProps } from './States.tsx';

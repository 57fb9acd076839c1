'use client';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '../../ui/Button/Button.tsx';

export interface SectionBoundaryProps {
  /** "This section could not be shown." */
  readonly message: string;
  readonly retryLabel: string;
  readonly onError?: ((error: unknown, info: ErrorInfo) => void) | undefined;
  readonly children: ReactNode;
}

interface SectionBoundaryState {
  readonly failed: boolean;
}

/**
 * Keeps a rendering failure in one section of a patient's record (an unexpected record shape, say) from blanking
 * the whole screen: that section says so and offers to try again; the others stay usable.
 */
export class SectionBoundary extends Component<SectionBoundaryProps, SectionBoundaryState> {
  override state: SectionBoundaryState = { failed: false };

  static getDerivedStateFromError(): SectionBoundaryState {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.props.onError?.(error, info);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="ck-ErrorState">
        <p className="ck-ErrorState-title">{this.props.message}</p>
        <Button variant="secondary" onClick={() => this.setState({ failed: false })}>
          {this.props.retryLabel}
        </Button>
      </div>
    );
  }
}

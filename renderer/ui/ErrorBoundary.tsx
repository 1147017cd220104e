import { Component, type ReactNode } from 'react';

interface State {
  error: Error | null;
}

/** Keeps one broken part of the window from blanking the rest; it tries again when `resetKey` changes. */
export class ErrorBoundary extends Component<{ children: ReactNode; label: string; resetKey: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidUpdate(previous: { resetKey: unknown }): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <div role="alert" className="error-boundary">
        {this.props.label} could not be shown: {this.state.error.message}
      </div>
    );
  }
}

'use client';

import { Component, type ReactNode } from 'react';

/**
 * Draws nothing in place of its children once they throw. Used only around
 * NotFoundView's signal: after hydration React meets that notFound() again,
 * and without this boundary Next would replace the localized 404 the server
 * sent with its own English default. (Next does not log router errors caught
 * by an explicit boundary.)
 */
export class QuietBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

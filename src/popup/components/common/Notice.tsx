/** Empty, loading and error states: one look, plain words, announced to screen readers. */
import type { ComponentChildren } from 'preact';

export function Loading({ children }: { children: ComponentChildren }) {
  return (
    <p class="notice notice-loading" role="status">
      {children}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="notice notice-empty">{children}</div>;
}

export function ErrorNotice({ children, onRetry }: { children: ComponentChildren; onRetry?: () => void }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{children}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

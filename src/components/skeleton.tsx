interface SkeletonProps {
  lines?: number;
  /** Height of the block in rem, so the layout does not shift when content arrives. */
  height?: number;
}

export function Skeleton({ lines = 3, height }: SkeletonProps) {
  return (
    <div
      className="skeleton"
      aria-hidden="true"
      style={height ? { minHeight: `${height}rem` } : undefined}
    >
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" />
      ))}
    </div>
  );
}

/** Announces loading once for screen readers while the placeholders show. */
export function LoadingRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label}</span>
      {children}
    </div>
  );
}

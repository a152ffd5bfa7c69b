/** The Offset mark: a partition log with the consumer's offset marker. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 28 28" className={className} aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="26" height="26" rx="7" fill="var(--accent)" />
      <g fill="var(--accent-fg)">
        <rect x="6" y="9" width="3.2" height="10" rx="1" opacity="0.55" />
        <rect x="10.4" y="9" width="3.2" height="10" rx="1" opacity="0.7" />
        <rect x="14.8" y="9" width="3.2" height="10" rx="1" opacity="0.85" />
        <rect x="19.2" y="6" width="2.6" height="16" rx="1.3" />
      </g>
    </svg>
  );
}

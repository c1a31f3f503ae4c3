import { type ReactNode, useState } from 'react';

/** A collapsible section of a panel (<details>): open by default so every control stays reachable. */
export function Section({
  title,
  testId,
  defaultOpen = true,
  children,
}: {
  title: string;
  testId: string;
  defaultOpen?: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className="panel-section"
      data-testid={`section-${testId}`}
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h3>{title}</h3>
      </summary>
      <div className="panel-section-body">{children}</div>
    </details>
  );
}

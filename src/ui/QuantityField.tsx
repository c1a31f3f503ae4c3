import { useEffect, useId, useState } from 'react';
import { parseQuantity, type QuantityRule } from './quantity.ts';

/** A value as a person would type it: no padding zeros (`50 W`, `0.5 s`). */
function asTyped(valueSi: number, rule: QuantityRule): string {
  return `${Number((valueSi * rule.scale).toPrecision(6))} ${rule.display}`;
}

/** A parameter typed with its unit (`60 W`, `0.5 min`); invalid text shows why and keeps the last good value. */
export function QuantityField({
  label,
  valueSi,
  rule,
  onChange,
  testId,
  disabled = false,
}: {
  label: string;
  valueSi: number;
  rule: QuantityRule;
  onChange: (valueSi: number) => void;
  testId: string;
  disabled?: boolean;
}) {
  const shown = asTyped(valueSi, rule);
  const [text, setText] = useState(shown);
  const [error, setError] = useState('');
  const errorId = useId();
  useEffect(() => setText(shown), [shown]);

  const commit = () => {
    const parsed = parseQuantity(text, rule);
    if (parsed.ok) {
      setError('');
      onChange(parsed.value);
      setText(asTyped(parsed.value, rule));
    } else {
      setError(parsed.error);
    }
  };

  return (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        value={text}
        disabled={disabled}
        aria-invalid={error !== ''}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {error && (
        <small id={errorId} role="alert" className="error">
          {error}
        </small>
      )}
    </label>
  );
}

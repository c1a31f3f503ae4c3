import { useEffect, useId, useState } from 'react';
import { parseQuantity, type QuantityParse, type QuantityRule } from './quantity.ts';

/** A value as a person would type it: no padding zeros (`50 W`, `0.5 s`). */
function asTyped(valueSi: number, rule: QuantityRule): string {
  return `${Number((valueSi * rule.scale).toPrecision(6))} ${rule.display}`;
}

/**
 * A text field that parses what is typed on Enter or blur: invalid text shows why (role=alert) and keeps the last
 * good value. `format` turns the current value into the text shown.
 */
export function ParsedField({
  label,
  value,
  parse,
  format,
  onChange,
  testId,
  disabled = false,
  className = 'field',
}: {
  label: string;
  value: number;
  parse: (text: string) => QuantityParse;
  format: (value: number) => string;
  onChange: (value: number) => void;
  testId: string;
  disabled?: boolean;
  className?: string;
}) {
  const shown = format(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState('');
  const errorId = useId();
  useEffect(() => {
    setText(shown);
    setError('');
  }, [shown]);

  const commit = () => {
    const parsed = parse(text);
    if (parsed.ok) {
      setError('');
      onChange(parsed.value);
      setText(format(parsed.value));
    } else {
      setError(parsed.error);
    }
  };

  return (
    <label className={className}>
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
          if (e.key === 'Escape') {
            setText(shown);
            setError('');
          }
        }}
      />
      {error && (
        <small id={errorId} role="alert" className="error" data-testid={`${testId}-error`}>
          {error}
        </small>
      )}
    </label>
  );
}

/** A parameter typed with its unit (`60 W`, `0.5 min`); invalid text shows why and keeps the last good value. */
export function QuantityField({
  label,
  valueSi,
  rule,
  onChange,
  testId,
  disabled = false,
  className,
}: {
  label: string;
  valueSi: number;
  rule: QuantityRule;
  onChange: (valueSi: number) => void;
  testId: string;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <ParsedField
      label={label}
      value={valueSi}
      parse={(text) => parseQuantity(text, rule)}
      format={(v) => asTyped(v, rule)}
      onChange={onChange}
      testId={testId}
      disabled={disabled}
      {...(className ? { className } : {})}
    />
  );
}

import { useEffect, useId, useState } from 'react';
import { usePlannerStoreApi } from '../state/hooks.ts';
import { fieldUndoKey, PLAN_UNDO_ATTRIBUTE } from './plan-helpers.ts';
import { formatForField, parseQuantity, type QuantityParse, type QuantityRule } from './quantity.ts';

/**
 * A text field that parses what is typed on Enter or blur: invalid text shows why (role=alert) and keeps the last
 * good value. `format` turns the current value into the text shown.
 *
 * Only typed text commits: leaving a field whose text still reads as shown changes nothing (no rounded value
 * written back, no empty undo step). Ctrl/⌘+Z in the field discards text typed but not committed; with nothing
 * typed it is the plan's Undo, one press per change (`fieldUndoKey`; README, "What you can do today": Undo).
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
  blocksRuns = true,
}: {
  label: string;
  value: number;
  parse: (text: string) => QuantityParse;
  format: (value: number) => string;
  onChange: (value: number) => void;
  testId: string;
  disabled?: boolean;
  className?: string;
  /** false for a field no run reads (a safety limit, an import option): its refusal does not hold Sonicate back */
  blocksRuns?: boolean;
}) {
  const shown = format(value);
  const [text, setText] = useState(shown);
  const [error, setError] = useState('');
  const errorId = useId();
  // While this field shows a refused value, a run would use the last accepted one: Sonicate says so and waits.
  const store = usePlannerStoreApi();
  const refused = blocksRuns && error !== '';
  useEffect(() => {
    if (!refused) return;
    store.getState().setRefusedInput(testId, label, true);
    return () => store.getState().setRefusedInput(testId, label, false);
  }, [refused, testId, label, store]);
  useEffect(() => {
    setText(shown);
    setError('');
  }, [shown]);

  const typed = text !== shown;
  const commit = () => {
    if (!typed) {
      setError('');
      return;
    }
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
        {...{ [PLAN_UNDO_ATTRIBUTE]: true }}
        onChange={(e) => {
          setText(e.target.value);
          // A message shown stays true of the text as it is typed (a walk read '"abc" is not a value' under "0").
          if (error !== '') {
            const parsed = parse(e.target.value);
            setError(parsed.ok ? '' : parsed.error);
          }
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          const undoKey = fieldUndoKey(e, typed);
          if (e.key === 'Escape' || undoKey === 'discard') {
            setText(shown);
            setError('');
          }
          // Discarding is this field's business: the app's shortcut handler must not undo the plan as well.
          if (undoKey === 'discard') {
            e.preventDefault();
            e.stopPropagation();
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
  blocksRuns = true,
}: {
  label: string;
  valueSi: number;
  rule: QuantityRule;
  onChange: (valueSi: number) => void;
  testId: string;
  disabled?: boolean;
  className?: string;
  /** false for a field no run reads: its refusal does not hold Sonicate back */
  blocksRuns?: boolean;
}) {
  return (
    <ParsedField
      label={label}
      value={valueSi}
      parse={(text) => parseQuantity(text, rule)}
      format={(v) => formatForField(v, rule)}
      onChange={onChange}
      testId={testId}
      disabled={disabled}
      blocksRuns={blocksRuns}
      {...(className ? { className } : {})}
    />
  );
}

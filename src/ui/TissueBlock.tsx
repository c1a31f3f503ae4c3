import { useMemo } from 'react';
import type { TissueId } from '../physics/tissue-ids.ts';
import { TISSUES, type TissueProperties } from '../physics/tissues.ts';
import { usePlanner } from '../state/hooks.ts';
import { TISSUE_COLOURS, TISSUE_NAMES } from '../style/palette.ts';
import { ParsedField } from './QuantityField.tsx';
import {
  effectiveTissue,
  equivalentOf,
  fieldsOf,
  formatTissueValue,
  parseTissueValue,
  type TissueField,
} from './tissue-fields.ts';

/** One property of one tissue: typed with its unit, marked in words when it differs from the built-in value. */
function TissueValueField({
  tissue,
  field,
  current,
  changed,
  disabled,
  onChange,
}: {
  tissue: TissueId;
  field: TissueField;
  current: TissueProperties;
  changed: boolean;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
  const value = current[field.key];
  const builtIn = formatTissueValue(TISSUES[tissue][field.key], field);
  const also = equivalentOf(value, field, current);
  const notes = [also && `= ${also}`, changed && `built-in ${builtIn}`].filter(Boolean).join(' · ');
  return (
    <div className={changed ? 'tissue-field changed' : 'tissue-field'} title={`Built-in value: ${builtIn}`}>
      <ParsedField
        label={changed ? `${field.label} — changed` : field.label}
        className="field compact"
        testId={`tissue-${tissue}-${field.key}`}
        value={value}
        parse={(text) => parseTissueValue(text, field, current)}
        format={(v) => formatTissueValue(v, field)}
        disabled={disabled}
        // Leaving a field commits its text: text that reads as the shown value is no change (no rounded override).
        onChange={(v) => {
          if (formatTissueValue(v, field) !== formatTissueValue(value, field)) onChange(v);
        }}
      />
      {notes && (
        <small className="hint" data-testid={`tissue-${tissue}-${field.key}-note`}>
          {notes}
        </small>
      )}
    </div>
  );
}

/**
 * One tissue of the case in the advanced settings: every property it is simulated with, where the built-in values
 * come from, and a reset. Collapsed until opened (a case has up to a dozen tissues of ten values each).
 */
export function TissueBlock({ tissue, disabled }: { tissue: TissueId; disabled: boolean }) {
  const own = usePlanner((s) => s.tissueOverrides[tissue]);
  const setValue = usePlanner((s) => s.setTissueValue);
  const reset = usePlanner((s) => s.resetTissue);
  const current = useMemo(() => effectiveTissue(tissue, own ? { [tissue]: own } : {}), [tissue, own]);
  const changed = own ? Object.keys(own).length : 0;
  const name = TISSUE_NAMES[tissue];
  return (
    <details className="tissue-block" data-testid={`tissue-${tissue}`} data-changed={changed}>
      <summary>
        <span className="swatch" style={{ background: TISSUE_COLOURS[tissue] }} aria-hidden="true" />
        {name}
        {changed > 0 && <span className="tissue-changed"> · {changed} changed</span>}
      </summary>
      {fieldsOf(tissue).map((field) => (
        <TissueValueField
          key={field.key}
          tissue={tissue}
          field={field}
          current={current}
          changed={own?.[field.key] !== undefined}
          disabled={disabled}
          onChange={(v) => setValue(tissue, field.key, v)}
        />
      ))}
      <button
        type="button"
        className="small"
        data-testid={`tissue-${tissue}-reset`}
        disabled={disabled || changed === 0}
        onClick={() => reset(tissue)}
      >
        Reset {name.toLowerCase()} to the built-in values
      </button>
      <p className="hint tissue-source">
        <strong>Built-in values ({TISSUES[tissue].name}):</strong> {TISSUES[tissue].sources}
      </p>
    </details>
  );
}

import { usePlanner } from '../state/hooks.ts';
import type { SafetyThresholds } from '../state/planning.ts';
import { caseHasLesion, resultsStale, settingsHeld } from '../state/selectors.ts';
import { behindTarget } from './beyond-focus.ts';
import { formatDose, formatQuantity } from './format.ts';
import { ParsedField } from './QuantityField.tsx';
import { parseQuantity, type QuantityParse, type QuantityRule } from './quantity.ts';
import { staleText } from './StaleResultsBanner.tsx';
import { type SafetyKey, STATUS_TEXT, safetyAdvice, safetyRows } from './safety.ts';
import { useUndeliverable } from './useBlockedBeams.ts';
import { useShownRun } from './useShownRun.ts';

interface ThresholdUnit {
  rule: QuantityRule;
  unit: string;
}

/** How each threshold is typed: °C (also degC, K), CEM43 min (a bare number or "30 min"), J (kJ…). */
const THRESHOLD_UNITS: Record<SafetyKey, ThresholdUnit> = {
  skinMaxTemperature: { rule: { si: 'degC', min: 37, max: 100, display: '°C', scale: 1 }, unit: '°C' },
  boneSurfaceMaxTemperature: { rule: { si: 'degC', min: 37, max: 100, display: '°C', scale: 1 }, unit: '°C' },
  criticalMaxDose: { rule: { si: 'min', min: 0.01, max: 1e6, display: 'CEM43 min', scale: 1 }, unit: 'CEM43 min' },
  maxEnergyPerSonication: { rule: { si: 'J', min: 1, max: 1e6, display: 'J', scale: 1 }, unit: 'J' },
};

/** Accepts "45 °C", "45 degC", "318 K", "30 CEM43 min", "3 kJ" or a bare number in the display unit. */
export function parseThreshold(text: string, key: SafetyKey): QuantityParse {
  const normalised = text
    .replace(/°\s*C\b/g, 'degC')
    .replace(/CEM\s*43/gi, '')
    .trim();
  return parseQuantity(normalised, THRESHOLD_UNITS[key].rule);
}

/** The warning margin typed as a percentage ("20 %", "20" or "0.2"). */
export function parseWarnFraction(text: string): QuantityParse {
  const m = /^\s*([-+]?(\d+\.?\d*|\.\d+))\s*(%)?\s*$/.exec(text);
  if (!m) return { ok: false, error: 'Enter a percentage, e.g. "20 %".' };
  const n = Number(m[1]);
  const value = m[3] || n > 1 ? n / 100 : n;
  if (!(value >= 0 && value < 1)) return { ok: false, error: 'Must be between 0 and 99 %.' };
  return { ok: true, value };
}

/**
 * The safety lights of the shown run: skin temperature, bone surface outside the target, dose to critical
 * structures and energy per sonication, each with its value, an editable threshold (typed with units), where the
 * default comes from, and a pass/warn/fail light shown with colour, an icon and words.
 */
export function SafetyDashboard() {
  const run = useShownRun();
  const thresholds = usePlanner((s) => s.safetyThresholds);
  const setThresholds = usePlanner((s) => s.setSafetyThresholds);
  const stale = usePlanner(resultsStale);
  const held = usePlanner(settingsHeld);
  const undeliverable = useUndeliverable(run, stale);
  const rows = safetyRows(run, thresholds, undeliverable);
  const behind = usePlanner((s) => behindTarget(s.estimate?.beams.beyond));
  const hasLesion = usePlanner(caseHasLesion);
  const worst = rows.some((r) => r.status === 'fail')
    ? 'fail'
    : rows.some((r) => r.status === 'warn')
      ? 'warn'
      : rows.every((r) => r.status === 'pass')
        ? 'pass'
        : 'none';

  return (
    <section
      className={stale ? 'safety-dashboard stale' : 'safety-dashboard'}
      aria-label="Safety"
      data-testid="safety-dashboard"
      data-status={worst}
      data-source={run?.source ?? ''}
      data-stale={stale}
    >
      {!run && <p className="hint">Sonicate or run the plan to check it against the safety limits.</p>}
      {run && (
        <p className="hint">
          {run.source === 'plan' ? 'Last plan' : 'Last sonication'} · teaching limits, not clinical ones.
        </p>
      )}
      {stale && (
        <p className="stale-note" role="status" data-testid="safety-stale">
          {staleText(run?.source, held)} The lights judge the old run.
        </p>
      )}
      <ul className="safety-rows">
        {rows.map((row) => {
          const unit = THRESHOLD_UNITS[row.key].unit;
          const status = STATUS_TEXT[row.status];
          // Not delivered is drawn as no result (muted): neither a pass nor a fail.
          const look = row.status === 'undelivered' ? 'none' : row.status;
          return (
            <li
              key={row.id}
              className={`safety-row status-${look}`}
              data-testid={`safety-${row.id}`}
              data-status={row.status}
            >
              <div className="safety-head">
                <span className={`safety-light status-${look}`} data-testid={`safety-${row.id}-light`}>
                  <span aria-hidden="true">{status.icon}</span> {status.text}
                </span>
                <span className="safety-label">{row.label}</span>
              </div>
              <div className="safety-values">
                <span>
                  Value:{' '}
                  <strong
                    data-testid={`safety-${row.id}-value`}
                    data-si={row.value ?? ''}
                    title={row.key === 'criticalMaxDose' ? formatDose(row.value).title || undefined : undefined}
                  >
                    {row.key === 'criticalMaxDose' ? formatDose(row.value).text : formatQuantity(row.value, unit)}
                  </strong>
                </span>
                <ParsedField
                  blocksRuns={false}
                  label="Limit"
                  className="field compact safety-limit"
                  testId={`safety-${row.id}-limit`}
                  value={row.limit}
                  parse={(text) => parseThreshold(text, row.key)}
                  format={(v) => `${Number(v.toPrecision(4))} ${unit}`}
                  onChange={(v) => setThresholds({ [row.key]: v } as Partial<SafetyThresholds>)}
                />
              </div>
              {row.note && <small className="hint">{row.note}</small>}
              {row.note && ' '}
              {(row.status === 'fail' || row.status === 'warn') && (
                <small className="hint safety-advice" data-testid={`safety-${row.id}-advice`}>
                  {safetyAdvice(row.key, behind, hasLesion)}
                </small>
              )}
              <details className="safety-source" data-testid={`safety-${row.id}-source`}>
                <summary>Why this limit</summary>
                <p>{row.source}</p>
              </details>
            </li>
          );
        })}
      </ul>
      <ParsedField
        blocksRuns={false}
        label="Warn within (of the limit)"
        className="field compact"
        testId="safety-warn-fraction"
        value={thresholds.warnFraction}
        parse={parseWarnFraction}
        format={(v) => `${Number((v * 100).toPrecision(3))} %`}
        onChange={(warnFraction) => setThresholds({ warnFraction })}
      />
      <p className="hint">
        Pass below the limit less the margin (temperatures: of the rise above 37 °C), warn up to the limit, fail above.
      </p>
    </section>
  );
}

import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { usePlanner } from '../state/hooks.ts';
import { BEAM_COLOURS } from '../style/palette.ts';
import '../style/element-map.css';
import { type ArrowKey, elementMap, elementState, neighbourOf } from './element-map.ts';

const ARROWS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * The array's face as a map of buttons, one per element, coloured by its beam: the keyboard's (and a screen
 * reader's) way to switch elements off and on, as a click on a disc in the 3D view does. One Tab stop: the arrow
 * keys move between elements, Home and End go to the first and last, Space or Enter switches the one in focus.
 */
export function ElementMap() {
  const transducer = usePlanner((s) => s.transducer);
  const trace = usePlanner((s) => s.estimate?.beams);
  const elementsOff = usePlanner((s) => s.elementsOff);
  const toggleElement = usePlanner((s) => s.toggleElement);
  const busy = usePlanner((s) => s.run.status === 'running' || s.planRun.status === 'running');
  const map = useMemo(() => elementMap(transducer), [transducer]);
  const [active, setActive] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const helpId = useId();
  if (map.length === 0) return <p className="hint">A single-element bowl has no elements to switch.</p>;
  const current = Math.min(active, map.length - 1);
  const size = `${Math.max(3, (100 * transducer.elementDiameter) / transducer.aperture)}%`;

  const moveTo = (index: number) => {
    setActive(index);
    buttons.current[index]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFieldSetElement>) => {
    let to: number | undefined;
    if (ARROWS.has(e.key)) to = neighbourOf(map, current, e.key as ArrowKey);
    else if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = map.length - 1;
    if (to === undefined) return;
    // The arrows belong to the map here, not to the page's scroll or the 3D view.
    e.preventDefault();
    e.stopPropagation();
    moveTo(to);
  };

  return (
    <fieldset className="element-map-box" aria-describedby={helpId} onKeyDown={onKeyDown}>
      <legend>Elements of the array</legend>
      <p className="hint" id={helpId}>
        The array’s face: each button is one element, in its beam’s colour. Arrow keys move between them, Space switches
        one off or on.
      </p>
      <div className="element-map" data-testid="element-map">
        {map.map(({ index, x, y }) => {
          const state = elementState(trace, index, elementsOff);
          return (
            <button
              key={index}
              ref={(node) => {
                buttons.current[index] = node;
              }}
              type="button"
              className={`element-button${state.on ? '' : ' is-off'}`}
              data-testid={`element-${index}`}
              data-status={state.status}
              aria-pressed={state.on}
              aria-label={state.name}
              title={state.name}
              tabIndex={index === current ? 0 : -1}
              disabled={busy}
              style={{
                left: `${100 * x}%`,
                top: `${100 * y}%`,
                width: size,
                height: size,
                ...(state.on ? { background: BEAM_COLOURS[state.status] } : {}),
              }}
              onFocus={() => setActive(index)}
              onClick={() => toggleElement(index)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

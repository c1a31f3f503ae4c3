import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { TissueId } from '../../src/physics/tissue-ids.ts';
import type { PlannerStoreApi } from '../../src/state/store.ts';
import { TargetPanel } from '../../src/ui/TargetPanel.tsx';
import { markCaseLoaded, renderWithStore } from '../fixtures/planner-store.ts';
import { estimateWith } from './estimate-fixtures.ts';

// A walk typed Target x = 60 mm: the focus left the lesion for fat and nothing said so until Sonicate showed 0 %
// coverage. The panel names the tissue the focus sits in, as the live estimate finds it.

function panel(tissue: TissueId | undefined, patch: (store: PlannerStoreApi) => void = markCaseLoaded): string {
  return renderWithStore((store) => {
    patch(store);
    if (tissue) store.getState().setEstimate({ ...estimateWith(['clear']), focusTissue: tissue });
  }, createElement(TargetPanel));
}

const line = (html: string) => /data-testid="target-tissue"[^>]*>(.*?)<\/p>/.exec(html)?.[1]?.replace(/<!-- -->/g, '');

describe('the tissue at the target', () => {
  it('names the lesion plainly, and any other tissue as outside it, where the case has a lesion', () => {
    expect(line(panel('lesion'))).toBe('The target is in lesion (tumour).');
    const fat = panel('fat');
    expect(line(fat)).toBe('The target is in fat, outside the lesion: the heat would miss the tumour.');
    expect(fat).toMatch(/class="hint blocked" data-testid="target-tissue" data-tissue="fat"/);
  });

  it('names the tissue without judging it where the case has no lesion, and says nothing before an estimate', () => {
    const noLesion = (store: PlannerStoreApi) => {
      markCaseLoaded(store);
      store.setState({ parts: [{ name: 'bone', tissue: 'cortical_bone', label: 'plate', visible: true, opacity: 1 }] });
    };
    expect(line(panel('cortical_bone', noLesion))).toBe('The target is in cortical bone.');
    expect(panel(undefined)).not.toContain('target-tissue');
  });
});

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

// A walk clicked the bone with a plan's spot selected: the transducer moved for every spot, while the panel still
// said only "The beams focus in lesion (tumour)".
describe('the target of a plan whose selected spot steers the beams', () => {
  it('says where the beams focus, where the target itself is, and that moving it moves the transducer for every spot', () => {
    const html = renderWithStore((store) => {
      markCaseLoaded(store);
      const [x, y, z] = store.getState().target;
      store.getState().setSpots([{ id: 'a', focus: [x + 0.004, y, z], acousticPower: 40, duration: 20, cooling: 20 }]);
      store.getState().selectSpot('a');
      store
        .getState()
        .setEstimate({ ...estimateWith(['clear']), focusTissue: 'lesion', targetTissue: 'cortical_bone' });
    }, createElement(TargetPanel));
    expect(line(html)).toBe('The beams focus in lesion (tumour).');
    expect(html).toMatch(
      /data-testid="target-aim-tissue" data-tissue="cortical_bone">The target itself, where the transducer aims, is in cortical bone\.</,
    );
    expect(html).toContain('moving it moves the transducer, and each spot is steered from there');
  });

  it('says nothing of the aim without a plan', () => {
    expect(panel('lesion')).not.toContain('target-aim-tissue');
    expect(panel('lesion')).not.toContain('moves the transducer');
  });
});

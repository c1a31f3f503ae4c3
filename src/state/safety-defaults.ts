import type { SafetyThresholds } from './planning.ts';

/**
 * Default limits of the safety dashboard, each with where it comes from. They are teaching defaults, editable in
 * the dashboard, not clinical limits.
 */
export const DEFAULT_SAFETY_THRESHOLDS: SafetyThresholds = {
  skinMaxTemperature: 45,
  boneSurfaceMaxTemperature: 50,
  criticalMaxDose: 30,
  maxEnergyPerSonication: 3000,
  warnFraction: 0.2,
};

export const SAFETY_THRESHOLD_SOURCES: Record<keyof Omit<SafetyThresholds, 'warnFraction'>, string> = {
  skinMaxTemperature:
    'Assumption: at 45 °C a 30 s sonication gives the skin 2 CEM43 min, far below the tens of minutes at which ' +
    'normal-tissue damage begins (Yarmolenko et al. 2011, Int J Hyperthermia 27:320); skin burns were the main ' +
    'serious adverse event of the pivotal trial (Hurwitz et al. 2014).',
  boneSurfaceMaxTemperature:
    'Assumption: bone surface outside the target kept below 50 °C, where 240 CEM43 takes about 2 min ' +
    '(Sapareto & Dewey 1984), so a 20–30 s sonication cannot ablate it.',
  criticalMaxDose:
    'Assumption: 30 CEM43 min, an eighth of the 240 min ablation dose and in the range where normal-tissue ' +
    'damage begins (Dewhirst 2003; Yarmolenko 2011) — the dose report’s own safety threshold.',
  maxEnergyPerSonication:
    'Clinical bone sonications deliver about 150 J (facet edge) to 3 kJ (metastasis) each (a facet-joint study, J Ther Ultrasound 2014; Chen et al. 2017).',
};

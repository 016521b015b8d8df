import { useT } from '../../utils/useT';
import type { Decision, Phase } from './types';

/** The names of a call's phases and of the commission's decisions, in the admin's language. */
export const useAssessmentLabels = () => {
  const { t } = useT();
  const phases: Record<Phase, string> = {
    open: t('assessment.phase.open', 'Open'),
    assessment: t('assessment.phase.assessment', 'Assessment'),
    results: t('assessment.phase.results', 'Results'),
  };
  const decisions: Record<Decision, string> = {
    selected: t('assessment.decision.selected', 'Selected'),
    'not-selected': t('assessment.decision.not-selected', 'Not selected'),
    'needs-info': t('assessment.decision.needs-info', 'Needs information'),
  };
  return { phase: (p: Phase) => phases[p] ?? p, decision: (d: Decision) => decisions[d] ?? d };
};

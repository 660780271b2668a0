import { useTranslation } from 'react-i18next';
import { SecondOpinion } from '../../components/second-opinion';
import type { ProviderId } from '../../domain/providers/registry';

interface ReviewSecondOpinionProps {
  providerId: ProviderId;
  text: string;
  source: string;
  target: string;
  onTake: (text: string) => void;
  /** Tells the workspace what Alt+Enter would take for this row. */
  onLoaded: (text: string | null) => void;
}

/** The reader's second opinion, with one click (or Alt+Enter) to take it as the row's target. */
export function ReviewSecondOpinion({ onTake, ...props }: ReviewSecondOpinionProps) {
  const { t } = useTranslation('review');
  return (
    <SecondOpinion
      {...props}
      action={(translation) => (
        <button type="button" className="button button--small" onClick={() => onTake(translation)}>
          {t('row.takeSecondOpinion')}
        </button>
      )}
    />
  );
}

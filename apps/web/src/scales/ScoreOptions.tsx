import { t } from '../lib/messages';

const SCORES = Array.from({ length: 11 }, (_, i) => i);

/** A score select's choices: "Not scored", then 0 to 10. */
export function ScoreOptions() {
  return (
    <>
      <option value="">{t('scale.noScore')}</option>
      {SCORES.map((score) => (
        <option key={score} value={score}>
          {score}
        </option>
      ))}
    </>
  );
}

/** Document properties: speaking rate and target length (FORMAT.md, "Speaking time"). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SPEAKING_RATE, MAX_SPEAKING_RATE, MIN_SPEAKING_RATE } from '../../shared/document/stats';
import type { SpeechMeta } from '../../shared/document/file-format';
import { Modal, SubmitButtons } from './modal';

export function PropertiesDialog({
  meta,
  checkLevels,
  autosave = false,
  onSave,
  onClose,
}: {
  meta: SpeechMeta;
  checkLevels: boolean;
  /** Autosave to the file (a setting of the app, shown here with the other editing preferences). */
  autosave?: boolean;
  onSave: (patch: Partial<SpeechMeta>, checkLevels: boolean, autosave: boolean) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [rate, setRate] = useState(String(meta.speakingRate ?? DEFAULT_SPEAKING_RATE));
  const [target, setTarget] = useState(meta.targetMinutes === undefined ? '' : String(meta.targetMinutes));
  const [check, setCheck] = useState(checkLevels);
  const [auto, setAuto] = useState(autosave);
  const rateValue = Number(rate);
  const targetValue = target.trim() === '' ? undefined : Number(target);
  const valid =
    Number.isInteger(rateValue) &&
    rateValue >= MIN_SPEAKING_RATE &&
    rateValue <= MAX_SPEAKING_RATE &&
    (targetValue === undefined || (targetValue > 0 && targetValue <= 600));
  return (
    <Modal label={t('properties.title')} onCancel={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!valid) return;
          // Only what changed: pressing OK to switch a preference must not make the document unsaved.
          const patch: Partial<SpeechMeta> = {};
          if (rateValue !== (meta.speakingRate ?? DEFAULT_SPEAKING_RATE)) patch.speakingRate = rateValue;
          if (targetValue !== meta.targetMinutes) patch.targetMinutes = targetValue;
          onSave(patch, check, auto);
          onClose();
        }}
      >
        <h2>{t('properties.title')}</h2>
        <label className="field">
          {t('properties.rate')}
          <input
            type="number"
            min={MIN_SPEAKING_RATE}
            max={MAX_SPEAKING_RATE}
            step={10}
            value={rate}
            onChange={(event) => setRate(event.target.value)}
          />
        </label>
        <label className="field">
          {t('properties.target')}
          <input
            type="number"
            min={1}
            max={600}
            step={0.5}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={check} onChange={(event) => setCheck(event.target.checked)} />
          {t('properties.checkLevels')}
        </label>
        <label className="check">
          <input type="checkbox" checked={auto} onChange={(event) => setAuto(event.target.checked)} />
          {t('properties.autosave')}
        </label>
        <SubmitButtons ok={t('properties.ok')} cancel={t('properties.cancel')} disabled={!valid} onCancel={onClose} />
      </form>
    </Modal>
  );
}

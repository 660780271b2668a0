import { useTranslation } from 'react-i18next';
import { Modal } from './modal';

/** Keys and what they do; the keys are written as keys, not words, in every UI language. */
const SHORTCUTS = [
  ['Ctrl+Enter', 'confirm'],
  ['Ctrl+Shift+Enter', 'confirmNext'],
  ['Alt+↑ / Alt+↓', 'move'],
  ['Ctrl+M', 'insertMt'],
  ['Ctrl+Shift+C', 'copySource'],
  ['Alt+Enter', 'takeSecondOpinion'],
  ['Esc', 'cancel'],
  ['Ctrl+Z', 'undo'],
  ['Ctrl+Y / Ctrl+Shift+Z', 'redo'],
  ['Ctrl+F', 'find'],
  ['Enter / Shift+Enter', 'findNext'],
  ['? / Ctrl+/', 'help'],
] as const;

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('review');
  return (
    <Modal title={t('shortcuts.title')} closeLabel={t('shortcuts.close')} onClose={onClose}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, action]) => (
          <div key={action} className="shortcuts__item">
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{t(`shortcuts.${action}`)}</dd>
          </div>
        ))}
      </dl>
    </Modal>
  );
}

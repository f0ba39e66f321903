import { type MessageKey, useI18n } from '../../i18n';

const known = new Set([
  'baseline',
  'create',
  'update',
  'correct',
  'submit',
  'verify',
  'approve',
  'return',
  'revert',
  'delete',
  'import',
  'lock',
]);

/** An audit or history action in words; an action added later shows its code rather than nothing. */
export function useActionLabel(): (action: string) => string {
  const { t } = useI18n();
  return (action) => (known.has(action) ? t(`action.${action}` as MessageKey) : action);
}

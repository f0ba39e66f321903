import { Modal } from 'antd';
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../../i18n';

/**
 * Unsaved changes are never lost silently: leaving the page (another route, another year,
 * closing or reloading the tab) asks first. A component of its own, so that the blocked
 * navigation re-renders the dialog only, not the whole form.
 */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  const { t } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty &&
      (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium versions show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      open={blocker.state === 'blocked'}
      title={t('dataEntry.leaveTitle')}
      okText={t('dataEntry.leaveConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('dataEntry.leaveCancel')}
      onOk={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t('dataEntry.leaveBody')}
    </Modal>
  );
}

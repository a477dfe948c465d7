import { Modal, Spin } from 'antd';
import { TestDoneModal } from '../arrivals/TestDoneModal';
import { useObligationCommands } from '../arrivals/useObligationCommands';
import { useObligation } from './api';
import type { Episode } from './types';

/**
 * Tests of a quarantine are those of the person's follow-up obligation (F1, arrival): recorded there, they
 * show in the commune's work list as well.
 */
export function EpisodeTestModal({ episode, onClose }: { episode: Episode; onClose: () => void }) {
  const obligation = useObligation(episode.obligationId);
  const { run, saving } = useObligationCommands();
  if (!obligation.data) {
    return (
      <Modal open footer={null} onCancel={onClose}>
        <Spin />
      </Modal>
    );
  }
  return (
    <TestDoneModal
      obligation={obligation.data}
      saving={saving}
      onClose={onClose}
      onSubmit={(v) => void run(obligation.data, { action: 'test_done', ...v }).then((ok) => ok && onClose())}
    />
  );
}

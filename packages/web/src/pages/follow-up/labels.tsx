import type { ObstacleSummary } from '@ntm/server/contract/follow-up';
import { Tag } from 'antd';
import type { FollowUpText } from './messages';

const deadlineColours: Record<ObstacleSummary['deadline'], string> = {
  on_time: 'green',
  approaching: 'gold',
  overdue: 'red',
  closed: 'default',
};

const statusColours: Record<ObstacleSummary['status'], string> = {
  open: 'blue',
  in_progress: 'processing',
  resolved: 'success',
  rejected: 'default',
};

const severityColours: Record<ObstacleSummary['severity'], string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

export function DeadlineTag({
  text,
  deadline,
}: {
  text: FollowUpText;
  deadline: ObstacleSummary['deadline'];
}) {
  return <Tag color={deadlineColours[deadline]}>{text(`deadline_${deadline}`)}</Tag>;
}

export function StatusTag({ text, status }: { text: FollowUpText; status: ObstacleSummary['status'] }) {
  return (
    <Tag color={statusColours[status]} data-testid="obstacle-status">
      {text(`status_${status}`)}
    </Tag>
  );
}

export function SeverityTag({
  text,
  severity,
}: {
  text: FollowUpText;
  severity: ObstacleSummary['severity'];
}) {
  return <Tag color={severityColours[severity]}>{text(`severity_${severity}`)}</Tag>;
}

import { formatDate } from '@ntm/core/format';
import type { AttachmentRef } from '@ntm/server/contract/attachments';
import type { ObstacleDetail } from '@ntm/server/contract/follow-up';
import { App, Button, Descriptions, Drawer, Flex, Input, List, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { problemDetail } from '../../api/client';
import {
  attachmentUrl,
  uploadAttachment,
  useCommentObstacle,
  useMoveObstacle,
  useObstacle,
} from '../../api/follow-up';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { DeadlineTag, SeverityTag, StatusTag } from './labels';
import { type FollowUpText, useFollowUpText } from './messages';

type Move = 'start' | 'resolve' | 'reject' | 'reopen';

function Attachments({ files }: { files: AttachmentRef[] }) {
  if (files.length === 0) return null;
  return (
    <Space wrap size={4}>
      {files.map((f) => (
        <a key={f.id} href={attachmentUrl(f.id)} target="_blank" rel="noreferrer">
          📎 {f.fileName}
        </a>
      ))}
    </Space>
  );
}

function CommentForm({ detail, text }: { detail: ObstacleDetail; text: FollowUpText }) {
  const { message } = App.useApp();
  const comment = useCommentObstacle(detail.id);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<AttachmentRef[]>([]);
  const [uploading, setUploading] = useState(false);
  const send = async () => {
    try {
      await comment.mutateAsync({ body, attachmentIds: files.map((f) => f.id) });
      setBody('');
      setFiles([]);
    } catch (error) {
      void message.error(problemDetail(error));
    }
  };
  return (
    <Flex vertical gap={8}>
      <Input.TextArea
        rows={3}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        placeholder={text('commentPlaceholder')}
        maxLength={5000}
        data-testid="obstacle-comment"
      />
      <Flex gap={8} wrap align="center">
        <Upload
          showUploadList={false}
          multiple
          customRequest={({ file, onSuccess, onError }) => {
            setUploading(true);
            uploadAttachment(file as File, detail.unitId)
              .then((ref) => {
                setFiles((current) => [...current, ref]);
                onSuccess?.(ref);
              })
              .catch((error: unknown) => {
                void message.error(problemDetail(error));
                onError?.(error as Error);
              })
              .finally(() => setUploading(false));
          }}
        >
          <Button size="small" loading={uploading}>
            {text('attach')}
          </Button>
        </Upload>
        <Attachments files={files} />
        <Button
          type="primary"
          size="small"
          style={{ marginLeft: 'auto' }}
          disabled={body.trim().length < 2}
          loading={comment.isPending}
          onClick={() => void send()}
          data-testid="obstacle-comment-send"
        >
          {text('send')}
        </Button>
      </Flex>
    </Flex>
  );
}

function MoveButtons({ detail, text }: { detail: ObstacleDetail; text: FollowUpText }) {
  const { message } = App.useApp();
  const move = useMoveObstacle(detail.id);
  const [asking, setAsking] = useState<Exclude<Move, 'start'> | null>(null);
  const [reason, setReason] = useState('');
  const run = async (action: Move, value: string) => {
    try {
      await move.mutateAsync({ action, text: value, expectedVersion: detail.version });
      setAsking(null);
      setReason('');
    } catch (error) {
      void message.error(problemDetail(error));
    }
  };
  const moves = detail.actions.filter((a): a is Move => a !== 'comment');
  if (moves.length === 0) return null;
  return (
    <Space wrap>
      {moves.map((action) => (
        <Button
          key={action}
          type={action === 'resolve' ? 'primary' : 'default'}
          danger={action === 'reject'}
          loading={move.isPending && move.variables?.action === action}
          onClick={() => (action === 'start' ? void run('start', '') : setAsking(action))}
          data-testid={`obstacle-${action}`}
        >
          {text(`action_${action}`)}
        </Button>
      ))}
      <Modal
        open={asking !== null}
        title={asking ? text(`action_${asking}`) : ''}
        onCancel={() => setAsking(null)}
        okText={text('save')}
        cancelText={text('cancel')}
        okButtonProps={{
          disabled: reason.trim().length < 5,
          loading: move.isPending,
          'data-testid': 'obstacle-move-ok',
        }}
        onOk={() => asking && void run(asking, reason)}
      >
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={asking ? text(`action_prompt_${asking}`) : ''}
          data-testid="obstacle-move-text"
        />
      </Modal>
    </Space>
  );
}

function Detail({ detail, text }: { detail: ObstacleDetail; text: FollowUpText }) {
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <StatusTag text={text} status={detail.status} />
        <DeadlineTag text={text} deadline={detail.deadline} />
        <SeverityTag text={text} severity={detail.severity} />
        {detail.isDemo && <DemoBadge />}
      </Space>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={text('unit')}>
          {detail.unitName}
          {detail.districtName ? ` – ${detail.districtName}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={text('criterion')}>
          {`${detail.criterionNumber}. ${detail.criterionName}`}
          {detail.indicatorCode ? ` – ${detail.indicatorCode} ${detail.indicatorName ?? ''}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={text('department')}>{detail.departmentName}</Descriptions.Item>
        <Descriptions.Item label={text('raisedBy')}>
          {detail.raisedByName} · {formatTimestamp(detail.raisedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={text('dueDate')}>{formatDate(detail.dueDate)}</Descriptions.Item>
        <Descriptions.Item label={text('description')}>{detail.description}</Descriptions.Item>
        {detail.resolution && (
          <Descriptions.Item label={text('resolution')}>{detail.resolution}</Descriptions.Item>
        )}
        {detail.rejectionReason && (
          <Descriptions.Item label={text('rejectionReason')}>{detail.rejectionReason}</Descriptions.Item>
        )}
      </Descriptions>
      <MoveButtons detail={detail} text={text} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {text('comments')}
      </Typography.Title>
      <List
        size="small"
        dataSource={detail.comments}
        data-testid="obstacle-comments"
        renderItem={(c) => (
          <List.Item>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.authorName} {text(`kind_${c.kind}`)} · {formatTimestamp(c.at)}
              </Typography.Text>
              <Typography.Text>{c.body}</Typography.Text>
              <Attachments files={c.attachments} />
            </Flex>
          </List.Item>
        )}
      />
      {detail.actions.includes('comment') && <CommentForm detail={detail} text={text} />}
    </Flex>
  );
}

export function ObstacleDrawer({ id, onClose }: { id: string | undefined; onClose(): void }) {
  const text = useFollowUpText();
  const obstacle = useObstacle(id);
  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      size="large"
      title={obstacle.data?.title ?? text('obstaclesTitle')}
      data-testid="obstacle-drawer"
    >
      {id !== undefined && (
        <QueryState query={obstacle}>{(detail) => <Detail detail={detail} text={text} />}</QueryState>
      )}
    </Drawer>
  );
}

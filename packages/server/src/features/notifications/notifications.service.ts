import type { Kysely } from 'kysely';
import type { MarkReadRequest, NotificationListResponse } from '../../contract/workflow';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { Viewer } from '../auth/viewer';
import { countUnread, markRead, notificationsOf } from './notifications.repository';

function userIdOf(viewer: Viewer): string {
  if (viewer.kind !== 'user')
    throw new AppError('unauthenticated', 'Thông báo chỉ dành cho người dùng đã đăng nhập.');
  return viewer.user.id;
}

export async function listNotifications(
  db: Kysely<Database>,
  viewer: Viewer,
): Promise<NotificationListResponse> {
  const userId = userIdOf(viewer);
  const [rows, unread] = await Promise.all([notificationsOf(db, userId, 100), countUnread(db, userId)]);
  return {
    notifications: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      kind: r.kind,
      message: r.message,
      unitId: r.unit_id,
      year: r.year,
      actor: r.actor,
      read: r.read_at !== null,
    })),
    unread,
  };
}

export async function readNotifications(
  db: Kysely<Database>,
  viewer: Viewer,
  request: MarkReadRequest,
  now = new Date(),
): Promise<NotificationListResponse> {
  await markRead(db, userIdOf(viewer), request.ids, now.toISOString());
  return listNotifications(db, viewer);
}

import type { Generated } from 'kysely';

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  at: string;
  kind: string;
  message: string;
  unit_id: string | null;
  year: number | null;
  actor: string;
  read_at: string | null;
}

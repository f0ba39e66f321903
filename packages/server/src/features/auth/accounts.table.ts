export interface UsersTable {
  id: string;
  /** Lower-case, unique, never changed: audit entries name users by it. */
  username: string;
  display_name: string;
  role: string;
  unit_id: string | null;
  department_code: string | null;
  /** argon2id, PHC string with its own salt and parameters. */
  password_hash: string;
  active: number;
  is_demo: number;
  failed_attempts: number;
  locked_until: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

/** Only a hash of the session id is stored: a copy of the database does not let anyone sign in. */
export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

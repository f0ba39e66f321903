export interface AttachmentsTable {
  id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  /** The unit the file is about; reading it then needs that unit in the reader's area. */
  unit_id: string | null;
  uploaded_by: string;
  uploaded_at: string;
  is_demo: number;
}

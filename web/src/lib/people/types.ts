/** An invitation link as the admin sees it once, right after creating it. */
export interface CreatedLink {
  name: string;
  link: string;
  expiresAt: Date;
}

import { z } from 'zod';

/** The tag colour set, in rising order of weight. */
export const BookmarkTag = z.enum(['interesting', 'suspicious', 'malicious', 'evidence']);
export type BookmarkTag = z.infer<typeof BookmarkTag>;

/** What a bookmark or note is about: a flow (its id), a host (its address) or a finding (its id). */
export const TargetKind = z.enum(['flow', 'host', 'finding']);
export type TargetKind = z.infer<typeof TargetKind>;

export const Target = z.object({ kind: TargetKind, key: z.string().min(1).max(200) }).strict();
export type Target = z.infer<typeof Target>;

export const Bookmark = z.object({
  id: z.number().int(),
  kind: TargetKind,
  key: z.string(),
  tag: BookmarkTag,
  author: z.string(),
  createdAt: z.number(),
  /** A short description of the target (the flow's tuple, the host's names). */
  label: z.string(),
  /** Notes on the same target. */
  notes: z.number().int().nonnegative(),
});
export type Bookmark = z.infer<typeof Bookmark>;

export const Note = z.object({
  id: z.number().int(),
  kind: TargetKind,
  key: z.string(),
  text: z.string(),
  author: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Note = z.infer<typeof Note>;

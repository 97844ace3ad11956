import type { Command } from 'commander';
import { BookmarkTag, TargetKind, type Bookmark } from '../../../shared/domain/bookmarks';
import { listBookmarks, removeBookmark, setBookmark } from '../../cases/bookmark-store';
import { currentUser } from '../../cases/case-user';
import { formatOption, isoTime } from '../case-annotations';
import { withCaseRecords } from '../case-records';
import { CliError } from '../cli-error';
import { targetOption } from '../target-option';

const line = (b: Bookmark, format: 'text' | 'jsonl') => (format === 'jsonl' ? JSON.stringify(b) : `${b.id}\t${b.kind}:${b.key}\t${b.tag}\t${b.author}\t${isoTime(b.createdAt)}\t${b.label}`);

export function registerBookmarks(program: Command): void {
  program
    .command('bookmarks')
    .description("list a case's bookmarks (newest first), or tag a flow, host or finding with --add, or take a bookmark down with --remove (both audited)")
    .requiredOption('--case <path>', 'case file')
    .option('--add <KIND:KEY>', 'bookmark this target (flow:42, host:10.0.0.5, finding:3) with --tag; a different earlier tag is replaced')
    .option('--tag <tag>', `with --add: ${BookmarkTag.options.join(', ')}`)
    .option('--remove <KIND:KEY>', "take down this target's bookmark")
    .option('--kind <kind>', 'list only bookmarks of flows, hosts or findings')
    .option('--format <format>', 'text (id, target, tag, author, time, description, tab-separated) or jsonl', 'text')
    .option('--read-only', 'open the case read-only: listing writes nothing, changes are refused')
    .action((o: { case: string; add?: string; tag?: string; remove?: string; kind?: string; format: string; readOnly?: boolean }) => {
      const format = formatOption(o.format);
      if (o.add !== undefined && o.remove !== undefined) throw new CliError('give --add or --remove, not both', 2);
      if ((o.tag !== undefined) !== (o.add !== undefined)) throw new CliError('--add needs --tag, and --tag goes with --add', 2);
      const tag = o.tag === undefined ? undefined : BookmarkTag.safeParse(o.tag);
      if (tag && !tag.success) throw new CliError(`--tag must be ${BookmarkTag.options.join(', ')}, not ${JSON.stringify(o.tag)}`, 2);
      const kind = o.kind === undefined ? undefined : TargetKind.safeParse(o.kind);
      if (kind && !kind.success) throw new CliError(`--kind must be flow, host or finding, not ${JSON.stringify(o.kind)}`, 2);
      const add = o.add === undefined ? undefined : targetOption(o.add, '--add');
      const remove = o.remove === undefined ? undefined : targetOption(o.remove, '--remove');
      withCaseRecords(o.case, { writes: add !== undefined || remove !== undefined, readOnly: o.readOnly ?? false }, (db) => {
        if (add) {
          process.stdout.write(`${line(setBookmark(db, add, tag!.data!, currentUser()), format)}\n`);
        } else if (remove) {
          if (!removeBookmark(db, remove, currentUser())) throw new CliError(`${o.remove} has no bookmark`);
          process.stderr.write(`removed the bookmark of ${o.remove}\n`);
        } else {
          for (const b of listBookmarks(db, kind?.data)) process.stdout.write(`${line(b, format)}\n`);
        }
      });
    });
}

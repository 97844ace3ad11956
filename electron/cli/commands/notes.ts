import type { Command } from 'commander';
import type { Note } from '../../../shared/domain/bookmarks';
import { currentUser } from '../../cases/case-user';
import { addNote, listNotes, removeNote, updateNote } from '../../cases/note-store';
import { formatOption, isoTime } from '../case-annotations';
import { withCaseRecords } from '../case-records';
import { CliError } from '../cli-error';
import { targetOption } from '../target-option';

const line = (n: Note, format: 'text' | 'jsonl') => (format === 'jsonl' ? JSON.stringify(n) : `${n.id}\t${n.kind}:${n.key}\t${n.author}\t${isoTime(n.updatedAt)}\t${JSON.stringify(n.text)}`);

// As the API allows (notes.add / notes.update).
const MAX_TEXT = 100_000;

function noteId(text: string, option: string): number {
  if (!/^[1-9][0-9]*$/.test(text)) throw new CliError(`${option} must be a note id, not ${JSON.stringify(text)}`, 2);
  return Number(text);
}

export function registerNotes(program: Command): void {
  program
    .command('notes')
    .description("list a case's notes (oldest first), or write one on a flow, host or finding with --add, edit it with --edit or take it down with --remove (all audited)")
    .requiredOption('--case <path>', 'case file')
    .option('--add <KIND:KEY>', 'write a note (with --text) on this target: flow:42, host:10.0.0.5, finding:3')
    .option('--edit <id>', 'replace note <id>\'s text with --text (the audit trail keeps the old text)')
    .option('--text <text>', 'with --add or --edit: the note')
    .option('--remove <id>', 'take down note <id>')
    .option('--target <KIND:KEY>', 'list only the notes on this target')
    .option('--format <format>', 'text (id, target, author, time, text as JSON string, tab-separated) or jsonl', 'text')
    .option('--read-only', 'open the case read-only: listing writes nothing, changes are refused')
    .action((o: { case: string; add?: string; edit?: string; text?: string; remove?: string; target?: string; format: string; readOnly?: boolean }) => {
      const format = formatOption(o.format);
      const acts = [o.add, o.edit, o.remove].filter((a) => a !== undefined).length;
      if (acts > 1) throw new CliError('give one of --add, --edit and --remove', 2);
      const writesText = o.add !== undefined || o.edit !== undefined;
      if (writesText !== (o.text !== undefined)) throw new CliError('--add and --edit need --text, and --text goes with them', 2);
      if (o.text !== undefined && (o.text.length === 0 || o.text.length > MAX_TEXT)) throw new CliError(`--text must be 1 to ${MAX_TEXT} characters`, 2);
      const add = o.add === undefined ? undefined : targetOption(o.add, '--add');
      const edit = o.edit === undefined ? undefined : noteId(o.edit, '--edit');
      const remove = o.remove === undefined ? undefined : noteId(o.remove, '--remove');
      const target = o.target === undefined ? undefined : targetOption(o.target, '--target');
      withCaseRecords(o.case, { writes: acts > 0, readOnly: o.readOnly ?? false }, (db) => {
        if (add) process.stdout.write(`${line(addNote(db, add, o.text!, currentUser()), format)}\n`);
        else if (edit !== undefined) process.stdout.write(`${line(updateNote(db, edit, o.text!, currentUser()), format)}\n`);
        else if (remove !== undefined) {
          if (!removeNote(db, remove, currentUser())) throw new CliError(`no note ${remove}`);
          process.stderr.write(`removed note ${remove}\n`);
        } else for (const n of listNotes(db, target)) process.stdout.write(`${line(n, format)}\n`);
      });
    });
}

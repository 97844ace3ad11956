import { dialog, type BrowserWindow } from 'electron';
import type { FileChooser } from '../api/session';

/** Native choosers; a path the user picks here is a path the user chose. */
export function nativeChooser(win: () => BrowserWindow | undefined): FileChooser {
  return async (purpose) => {
    const parent = win();
    const save: Partial<Record<typeof purpose, Electron.FileFilter>> = {
      'case-create': { name: 'Flowsight case', extensions: ['flowsight'] },
      'export-csv': { name: 'CSV', extensions: ['csv'] },
      'export-jsonl': { name: 'JSON lines', extensions: ['jsonl'] },
      'export-pcapng': { name: 'pcapng', extensions: ['pcapng'] },
      'export-dataset-csv': { name: 'CSV (CICFlowMeter columns)', extensions: ['csv'] },
      'export-dataset-jsonl': { name: 'JSON lines', extensions: ['jsonl'] },
    };
    const filter = save[purpose];
    if (filter) {
      const r = await (parent ? dialog.showSaveDialog(parent, { filters: [filter] }) : dialog.showSaveDialog({ filters: [filter] }));
      return r.canceled || !r.filePath ? [] : [r.filePath];
    }
    const open: Partial<Record<typeof purpose, Electron.OpenDialogOptions>> = {
      captures: { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Captures', extensions: ['pcap', 'pcapng', 'cap', 'gz'] }, { name: 'All files', extensions: ['*'] }] },
      'label-csv': { properties: ['openFile'], filters: [{ name: 'Ground-truth labels (CSV)', extensions: ['csv'] }, { name: 'All files', extensions: ['*'] }] },
      'model-import': { properties: ['openFile'], filters: [{ name: 'Flowsight model', extensions: ['json'] }] },
      'flow-logs': { properties: ['openFile'], filters: [{ name: 'Flow logs', extensions: ['csv', 'log', 'tsv', 'json', 'jsonl', 'txt'] }, { name: 'All files', extensions: ['*'] }] },
      'session-csv': { properties: ['openFile'], filters: [{ name: 'Session CSV', extensions: ['csv', 'tsv', 'txt'] }, { name: 'All files', extensions: ['*'] }] },
    };
    const options = open[purpose] ?? { properties: ['openFile'], filters: [{ name: 'Flowsight case', extensions: ['flowsight'] }] };
    const r = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    return r.canceled ? [] : r.filePaths;
  };
}

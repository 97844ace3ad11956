import { dialog, type BrowserWindow } from 'electron';
import type { FileChooser } from '../api/session';

/** Native choosers; a path the user picks here is a path the user chose. */
export function nativeChooser(win: () => BrowserWindow | undefined): FileChooser {
  return async (purpose) => {
    const parent = win();
    if (purpose === 'case-create') {
      const r = await (parent ? dialog.showSaveDialog(parent, { filters: [{ name: 'Flowsight case', extensions: ['flowsight'] }] }) : dialog.showSaveDialog({}));
      return r.canceled || !r.filePath ? [] : [r.filePath];
    }
    const options: Electron.OpenDialogOptions =
      purpose === 'captures'
        ? { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Captures', extensions: ['pcap', 'pcapng', 'cap', 'gz'] }, { name: 'All files', extensions: ['*'] }] }
        : { properties: ['openFile'], filters: [{ name: 'Flowsight case', extensions: ['flowsight'] }] };
    const r = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    return r.canceled ? [] : r.filePaths;
  };
}

import { Menu, type MenuItemConstructorOptions } from 'electron';

// The application menu, in Indonesian (the source locale). Packaged builds have no reload and
// no developer tools: reloading mid-form loses a teller's input, and developer tools on a branch
// PC would let anyone at the desk script the window. (webPreferences.devTools is off there too,
// so the keyboard shortcut does nothing either.)
export function installMenu(packaged: boolean): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Ukuran Asli' },
    { role: 'zoomIn', label: 'Perbesar' },
    { role: 'zoomOut', label: 'Perkecil' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Layar Penuh' },
  ];
  if (!packaged) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Muat Ulang' },
      { role: 'toggleDevTools', label: 'Alat Pengembang' },
    );
  }

  const template: MenuItemConstructorOptions[] = [
    { label: 'Berkas', submenu: [{ role: 'quit', label: 'Keluar' }] },
    {
      label: 'Sunting',
      submenu: [
        { role: 'undo', label: 'Urungkan' },
        { role: 'redo', label: 'Ulangi' },
        { type: 'separator' },
        { role: 'cut', label: 'Potong' },
        { role: 'copy', label: 'Salin' },
        { role: 'paste', label: 'Tempel' },
        { role: 'selectAll', label: 'Pilih Semua' },
      ],
    },
    { label: 'Tampilan', submenu: view },
    { label: 'Jendela', submenu: [{ role: 'minimize', label: 'Minimalkan' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

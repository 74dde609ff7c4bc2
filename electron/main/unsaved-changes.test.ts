import { describe, expect, it } from 'vitest';
import { leaveDespiteUnsaved, unsavedChangesDialog } from './unsaved-changes';

describe('closing the window with unsaved changes', () => {
  it('closes only on the explicit "Tutup tanpa menyimpan"; Enter and Escape keep the window and the changes', () => {
    const buttons = unsavedChangesDialog.buttons!;
    const discard = buttons.indexOf('Tutup tanpa menyimpan');
    expect(discard).toBeGreaterThanOrEqual(0);
    expect(leaveDespiteUnsaved(discard)).toBe(true);
    expect(leaveDespiteUnsaved(unsavedChangesDialog.defaultId!)).toBe(false);
    expect(leaveDespiteUnsaved(unsavedChangesDialog.cancelId!)).toBe(false);
    for (let i = 0; i < buttons.length; i++) if (i !== discard) expect(leaveDespiteUnsaved(i)).toBe(false);
  });
});

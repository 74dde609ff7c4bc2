import fs from 'node:fs';
import path from 'node:path';

/**
 * The main window's size and position, kept in `<userData>/window-state.json`. Pure checks first:
 * a state saved on a monitor that is no longer attached (the office laptop back from a projector)
 * must not open the window off-screen.
 */

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const defaultWindowState: WindowState = { width: 1280, height: 820, maximized: false };
export const minWindowSize = { width: 900, height: 600 };

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 100_000;
}

/** Enough of the window (a 100x50 strip of its title bar) lies on one of the displays' work areas. */
function visibleOn(state: Required<Pick<WindowState, 'x' | 'y' | 'width'>>, areas: readonly Rect[]): boolean {
  return areas.some((a) => {
    const left = Math.max(state.x, a.x);
    const right = Math.min(state.x + state.width, a.x + a.width);
    const top = Math.max(state.y, a.y);
    const bottom = Math.min(state.y + 50, a.y + a.height);
    return right - left >= 100 && bottom - top >= 30;
  });
}

/** Whatever was in the file, a usable state: sane sizes, and a position only if it is visible. */
export function sanitizeWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const r = (raw ?? {}) as Partial<WindowState>;
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), { width: 0, height: 0 });
  const clampW = (w: number) => Math.min(Math.max(w, minWindowSize.width), largest.width || w);
  const clampH = (h: number) => Math.min(Math.max(h, minWindowSize.height), largest.height || h);
  const state: WindowState = {
    width: clampW(isInt(r.width) ? r.width : defaultWindowState.width),
    height: clampH(isInt(r.height) ? r.height : defaultWindowState.height),
    maximized: r.maximized === true,
  };
  if (isInt(r.x) && isInt(r.y) && visibleOn({ x: r.x, y: r.y, width: state.width }, workAreas)) {
    state.x = r.x;
    state.y = r.y;
  }
  return state;
}

export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

export function loadWindowState(file: string, workAreas: readonly Rect[]): WindowState {
  let raw: unknown = null;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // first start, or a damaged file: defaults
  }
  return sanitizeWindowState(raw, workAreas);
}

/** Written through a temporary file, so a crash mid-write leaves the previous state, not half JSON. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
    fs.renameSync(`${file}.tmp`, file);
  } catch {
    // Losing the window position is not worth an error dialog.
  }
}

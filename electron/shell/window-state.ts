import fs from 'node:fs';
import path from 'node:path';

// The main window's size, position and maximized flag, kept in a small JSON file in userData
// and restored at the next start, but only where it is still visible: a branch desk is often
// moved between a docked laptop with a second monitor and the laptop alone, and a window
// restored onto a monitor that is no longer there cannot be reached.
//
// Plain Node (fs only), unit-tested; window.ts feeds it Electron's displays and bounds.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What the window opens with: a position only when the saved one is on a display. */
export interface InitialWindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const MIN_WIDTH = 960;
export const MIN_HEIGHT = 600;
export const DEFAULT_WIDTH = 1280;
export const DEFAULT_HEIGHT = 800;
const MAX_EDGE = 100_000;

/**
 * How much of the saved window must lie on one display's work area for its position to be
 * kept: enough of the title bar to grab it with the mouse.
 */
const MIN_VISIBLE_WIDTH = 200;
const MIN_VISIBLE_HEIGHT = 60;

export const WINDOW_STATE_FILE = 'window-state.json';

function isEdge(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_EDGE;
}

/** Reads a saved state; anything malformed (hand-edited, truncated by a power cut) is null. */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const { bounds, maximized } = raw as { bounds?: Partial<Record<keyof Rect, unknown>>; maximized?: unknown };
  if (typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds;
  if (!isEdge(x) || !isEdge(y) || !isEdge(width) || !isEdge(height) || width <= 0 || height <= 0) return null;
  return { bounds: { x, y, width, height }, maximized: maximized === true };
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** True when the top strip of `bounds` (where the title bar is) is reachable on `workArea`. */
export function isVisibleOn(bounds: Rect, workArea: Rect): boolean {
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, MIN_VISIBLE_HEIGHT) };
  const seen = overlap(titleBar, workArea);
  return seen.width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) && seen.height >= Math.min(MIN_VISIBLE_HEIGHT, bounds.height);
}

/**
 * Decides how the window opens from the saved state and the displays' work areas (the first
 * one is the primary). The size is clamped to the display it lands on; with no usable saved
 * position Electron centers the window on the primary display.
 */
export function initialWindowBounds(saved: WindowState | null, workAreas: readonly Rect[]): InitialWindowBounds {
  const primary = workAreas[0];
  const fit = (area: Rect | undefined, width: number, height: number) => ({
    width: Math.round(Math.max(MIN_WIDTH, area ? Math.min(width, area.width) : width)),
    height: Math.round(Math.max(MIN_HEIGHT, area ? Math.min(height, area.height) : height)),
  });

  if (!saved) return { ...fit(primary, DEFAULT_WIDTH, DEFAULT_HEIGHT), maximized: false };

  const home = workAreas.find((area) => isVisibleOn(saved.bounds, area));
  if (!home) return { ...fit(primary, saved.bounds.width, saved.bounds.height), maximized: saved.maximized };

  return {
    x: Math.round(saved.bounds.x),
    y: Math.round(saved.bounds.y),
    ...fit(home, saved.bounds.width, saved.bounds.height),
    maximized: saved.maximized,
  };
}

export function readWindowState(dir: string): WindowState | null {
  try {
    return parseWindowState(fs.readFileSync(path.join(dir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Writes through a temporary file and a rename, so a crash mid-write leaves the old state, not
 * half a file. Failure is not worth bothering anyone about: the window just opens at the default.
 */
export function writeWindowState(dir: string, state: WindowState): void {
  const file = path.join(dir, WINDOW_STATE_FILE);
  const temporary = `${file}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(state));
    fs.renameSync(temporary, file);
  } catch (error) {
    console.warn('[serambi] could not save the window state:', error);
  }
}

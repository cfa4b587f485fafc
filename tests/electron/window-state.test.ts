import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_HEIGHT,
  DEFAULT_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  WINDOW_STATE_FILE,
  initialWindowBounds,
  isVisibleOn,
  parseWindowState,
  readWindowState,
  writeWindowState,
  type Rect,
} from '../../electron/shell/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 };
// A second monitor to the right of the laptop.
const monitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState('{"bounds":{"x":10,"y":20,"width":1200,"height":700},"maximized":true}')).toEqual({
      bounds: { x: 10, y: 20, width: 1200, height: 700 },
      maximized: true,
    });
  });

  it('treats a missing maximized flag as false', () => {
    expect(parseWindowState('{"bounds":{"x":0,"y":0,"width":1000,"height":700}}')?.maximized).toBe(false);
  });

  it.each([
    ['truncated JSON', '{"bounds":{"x":0,'],
    ['empty file', ''],
    ['not an object', '42'],
    ['null', 'null'],
    ['no bounds', '{"maximized":true}'],
    ['a string coordinate', '{"bounds":{"x":"0","y":0,"width":1000,"height":700}}'],
    ['zero width', '{"bounds":{"x":0,"y":0,"width":0,"height":700}}'],
    ['negative height', '{"bounds":{"x":0,"y":0,"width":1000,"height":-5}}'],
    ['an absurd coordinate', '{"bounds":{"x":1e12,"y":0,"width":1000,"height":700}}'],
  ])('rejects %s', (_label, text) => {
    expect(parseWindowState(text)).toBeNull();
  });
});

describe('isVisibleOn', () => {
  it('needs enough of the title bar on the work area', () => {
    expect(isVisibleOn({ x: 100, y: 100, width: 1000, height: 600 }, laptop)).toBe(true);
    // Only 50 px of the window's left edge on the laptop: not enough to grab.
    expect(isVisibleOn({ x: 1316, y: 100, width: 1000, height: 600 }, laptop)).toBe(false);
    // Title bar above the top of the screen.
    expect(isVisibleOn({ x: 100, y: -300, width: 1000, height: 600 }, laptop)).toBe(false);
  });
});

describe('initialWindowBounds', () => {
  it('opens at the default size, centered, the first time', () => {
    expect(initialWindowBounds(null, [monitor])).toEqual({ width: DEFAULT_WIDTH, height: DEFAULT_HEIGHT, maximized: false });
  });

  it('shrinks the default to a small primary display, but not below the minimum', () => {
    expect(initialWindowBounds(null, [laptop])).toEqual({ width: 1280, height: 728, maximized: false });
    const tiny = { x: 0, y: 0, width: 800, height: 500 };
    expect(initialWindowBounds(null, [tiny])).toEqual({ width: MIN_WIDTH, height: MIN_HEIGHT, maximized: false });
  });

  it('restores the saved place when it is still on a display', () => {
    const saved = { bounds: { x: 1500, y: 40, width: 1400, height: 900 }, maximized: false };
    expect(initialWindowBounds(saved, [laptop, monitor])).toEqual({ x: 1500, y: 40, width: 1400, height: 900, maximized: false });
  });

  it('drops the position when its monitor is gone, keeping the size within the primary display', () => {
    const saved = { bounds: { x: 1500, y: 40, width: 1400, height: 900 }, maximized: true };
    expect(initialWindowBounds(saved, [laptop])).toEqual({ width: 1366, height: 728, maximized: true });
  });

  it('clamps the size to the display the window lands on', () => {
    const saved = { bounds: { x: 10, y: 10, width: 3000, height: 2000 }, maximized: false };
    expect(initialWindowBounds(saved, [laptop, monitor])).toEqual({ x: 10, y: 10, width: 1366, height: 728, maximized: false });
  });

  it('opens centered when there is no display information at all', () => {
    const saved = { bounds: { x: 10, y: 10, width: 1100, height: 700 }, maximized: false };
    expect(initialWindowBounds(saved, [])).toEqual({ width: 1100, height: 700, maximized: false });
  });
});

describe('the state file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });
  function tempDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serambi-window-state-'));
    dirs.push(dir);
    return dir;
  }

  it('round-trips', () => {
    const dir = tempDir();
    const state = { bounds: { x: 5, y: 6, width: 1100, height: 700 }, maximized: true };
    writeWindowState(dir, state);
    expect(readWindowState(dir)).toEqual(state);
    expect(fs.readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it('reads nothing when the file is missing or damaged', () => {
    const dir = tempDir();
    expect(readWindowState(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, WINDOW_STATE_FILE), '{"bounds":');
    expect(readWindowState(dir)).toBeNull();
  });
});

// What the browser tests of ringing share: the page's sounds and buzzes recorded, and a browser
// nobody has touched yet.
import type { BrowserContext, Page } from 'playwright-core';

/** Every <audio> the page starts, and every vibration it asks for, kept where the test can read them. */
export const recordSound = (context: BrowserContext) =>
  context.addInitScript(() => {
    const played: HTMLMediaElement[] = [];
    const buzzes: unknown[] = [];
    Object.assign(window, { __audio: played, __buzzes: buzzes });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!played.includes(this)) played.push(this);
      return play.call(this);
    };
    Object.defineProperty(navigator, 'vibrate', {
      value: (pattern: unknown) => {
        buzzes.push(pattern);
        return true;
      },
    });
  });

/**
 * The autoplay rule of a browser nobody has touched yet, made certain: headless Chromium applies
 * `--autoplay-policy` unevenly (a page sometimes counts as touched from the start), so until the
 * first pointer or key press `play()` is refused as browsers refuse it and the page reads untouched.
 */
export const untouchedPage = (context: BrowserContext) =>
  context.addInitScript(() => {
    let touched = false;
    for (const kind of ['pointerdown', 'keydown'])
      window.addEventListener(
        kind,
        () => {
          touched = true;
        },
        true,
      );
    Object.defineProperty(navigator, 'userActivation', { get: () => ({ hasBeenActive: touched, isActive: touched }) });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      if (!touched) return Promise.reject(new DOMException('play() needs a touch first', 'NotAllowedError'));
      return play.call(this);
    };
  });

/** Whether the page's ring is sounding: an audio element playing, unmuted, its time moving on. */
export const ringing = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __audio: HTMLMediaElement[] }).__audio.some(
      (audio) => !audio.paused && !audio.muted && audio.currentTime > 0,
    ),
  );

/** Waits until the page's ring is sounding (`true`) or silent (`false`). */
export const untilRinging = (page: Page, expected: boolean) =>
  page.waitForFunction(
    (want) =>
      (window as unknown as { __audio: HTMLMediaElement[] }).__audio.some(
        (audio) => !audio.paused && !audio.muted && audio.currentTime > 0,
      ) === want,
    expected,
  );

/** The vibrations the page asked for, oldest first. */
export const buzzes = (page: Page) => page.evaluate(() => (window as unknown as { __buzzes: unknown[] }).__buzzes);

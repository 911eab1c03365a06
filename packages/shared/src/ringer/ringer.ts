import { Asset } from 'expo-asset';
import { Vibration } from 'react-native';
import { blockedState, type Ringer, type RingerSound } from './ringer-kind';

/** Whether the page has had a touch yet (browsers without the API: assume not, and ask). */
const touched = () =>
  typeof navigator !== 'undefined' && (navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation
    ? Boolean((navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation?.hasBeenActive)
    : false;

/**
 * The web's bell: an <audio> element looping the ring. A browser refuses `play()` before the
 * person has touched the page; then the ring waits, `blocked` says so, and the next touch rings it.
 */
export function createRinger({ sound, buzz }: RingerSound): Ringer {
  const state = blockedState(!touched());
  let audio: HTMLAudioElement | undefined;
  let ringing = false;

  const element = () => {
    if (!audio) {
      audio = new Audio(Asset.fromModule(sound).uri);
      audio.loop = true;
    }
    return audio;
  };

  function play() {
    const player = element();
    player.muted = false;
    player.play().then(
      () => {
        state.set(false);
        // Stopped while the browser was starting it.
        if (!ringing) player.pause();
      },
      (error: unknown) => {
        if ((error as { name?: string }).name === 'NotAllowedError') state.set(true);
      },
    );
  }

  const ringer: Ringer = {
    start() {
      if (ringing) return;
      ringing = true;
      play();
      // The browser's navigator.vibrate has no repeat: a phone browser buzzes the pattern once.
      Vibration.vibrate(buzz, true);
    },
    stop() {
      ringing = false;
      Vibration.cancel();
      if (!audio) return;
      audio.pause();
      audio.currentTime = 0;
    },
    unlock() {
      if (ringing) return play();
      // A silent start and stop inside the touch is what lets later rings play.
      const player = element();
      player.muted = true;
      player.play().then(
        () => {
          if (!ringing) {
            player.pause();
            player.currentTime = 0;
          }
          player.muted = false;
          state.set(false);
        },
        () => {
          player.muted = false;
        },
      );
    },
    get blocked() {
      return state.get();
    },
    onBlocked: state.listen,
  };
  // Any touch or key on the page lets sound play from then on.
  if (typeof document !== 'undefined') {
    const unlock = () => {
      if (state.get()) ringer.unlock();
    };
    document.addEventListener('pointerdown', unlock, true);
    document.addEventListener('keydown', unlock, true);
  }
  return ringer;
}

import type { AudioPlayer } from 'expo-audio';
import { Vibration } from 'react-native';
import { blockedState, type Ringer, type RingerSound } from './ringer-kind';

/** The phone's bell: the ring looped through the speaker (even in silent mode) and the vibration motor. */
export function createRinger({ sound, buzz }: RingerSound): Ringer {
  const state = blockedState(false);
  let player: AudioPlayer | undefined;
  let ringing = false;
  return {
    start() {
      if (ringing) return;
      ringing = true;
      // Loaded at the first ring: the audio module needs the phone's native side, which a screen's test has not.
      const audio: typeof import('expo-audio') = require('expo-audio');
      void audio.setAudioModeAsync({ playsInSilentMode: true }).catch(() => undefined);
      player ??= audio.createAudioPlayer(sound);
      player.loop = true;
      player.play();
      Vibration.vibrate(buzz, true);
    },
    stop() {
      ringing = false;
      Vibration.cancel();
      if (!player) return;
      player.pause();
      void player.seekTo(0);
    },
    unlock() {},
    get blocked() {
      return state.get();
    },
    onBlocked: state.listen,
  };
}

import type { AudioPlayer } from 'expo-audio';
import { Vibration } from 'react-native';
import { blockedState, type Ringer } from './ringer-kind';

const sound = require('../../../assets/new-order.wav');
/** Buzz, pause, buzz …: repeated by the motor until cancelled. */
const buzz = [0, 700, 500];

/** The phone's bell: the ring looped through the speaker (even in silent mode) and the vibration motor. */
export function createRinger(): Ringer {
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

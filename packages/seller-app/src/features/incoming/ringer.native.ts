import { createAudioPlayer, setAudioModeAsync } from 'expo-audio';
import { Vibration } from 'react-native';
import { blockedState, type Ringer } from './ringer-kind';

const sound = require('../../../assets/new-order.wav');
/** Buzz, pause, buzz …: repeated by the motor until cancelled. */
const buzz = [0, 700, 500];

/** The phone's bell: the ring looped through the speaker (even in silent mode) and the vibration motor. */
export function createRinger(): Ringer {
  const state = blockedState(false);
  let player: ReturnType<typeof createAudioPlayer> | undefined;
  let ringing = false;
  return {
    start() {
      if (ringing) return;
      ringing = true;
      void setAudioModeAsync({ playsInSilentMode: true }).catch(() => undefined);
      player ??= createAudioPlayer(sound);
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

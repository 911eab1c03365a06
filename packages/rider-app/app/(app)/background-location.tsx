import { BackgroundDisclosure } from '../../src/features/location/BackgroundDisclosure';
import { useShift } from '../../src/features/shift/ShiftProvider';

/** Shown once a session after going online on a phone, before the phone asks for background location. */
export default function BackgroundLocation() {
  const shift = useShift();
  return <BackgroundDisclosure onAllowed={shift.backgroundAllowed} />;
}

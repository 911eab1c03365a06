import { SignedInGate } from '@kupwara/shared/app';
import { RiderAround } from '../../src/features/RiderAround';
import { messages } from '../../src/messages';

/** Everything but signing in needs an account; the shift and its offers run around every screen of it. */
export default function SignedInLayout() {
  return <SignedInGate title={messages.appName} around={RiderAround} />;
}

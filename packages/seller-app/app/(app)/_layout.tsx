import { SignedInGate } from '@kupwara/shared/app';
import { messages } from '../../src/messages';

/** Everything but signing in needs an account. */
export default function SignedInLayout() {
  return <SignedInGate title={messages.appName} />;
}

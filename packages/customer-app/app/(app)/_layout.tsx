import { SignedInGate } from '@kupwara/shared/app';
import { leadsTo } from '../../src/features/notifications/leads-to';
import { messages } from '../../src/messages';

/** Everything but signing in needs an account; a tapped push opens its order. */
export default function SignedInLayout() {
  return <SignedInGate title={messages.appName} leadsTo={leadsTo} />;
}

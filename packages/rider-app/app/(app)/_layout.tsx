import { SignedInGate } from '@kupwara/shared/app';
import { leadsTo } from '../../src/features/notifications/leads-to';
import { RiderAround } from '../../src/features/RiderAround';
import { messages } from '../../src/messages';

/**
 * Everything but signing in needs an account; the shift and its offers run around every screen of
 * it, and a tapped push opens its offer or delivery.
 */
export default function SignedInLayout() {
  return <SignedInGate title={messages.appName} around={RiderAround} leadsTo={leadsTo} />;
}

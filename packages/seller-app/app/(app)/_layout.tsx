import { SignedInGate } from '@kupwara/shared/app';
import { ShopIncoming } from '../../src/features/incoming/ShopIncoming';
import { leadsTo } from '../../src/features/notifications/leads-to';
import { messages } from '../../src/messages';

/** Everything but signing in needs an account; new orders ring on every screen of it, and a tapped push opens its order. */
export default function SignedInLayout() {
  return <SignedInGate title={messages.appName} around={ShopIncoming} leadsTo={leadsTo} />;
}

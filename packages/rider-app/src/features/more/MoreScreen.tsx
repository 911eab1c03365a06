import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../messages';

/** The rider's profile, what they were told, and signing out. */
export function MoreScreen() {
  return (
    <Screen title={messages.more.title} back={false}>
      {null}
    </Screen>
  );
}

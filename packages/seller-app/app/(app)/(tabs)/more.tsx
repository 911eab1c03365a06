import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../../src/messages';

/** The more tab (built by the more part of the app). */
export default function MoreTab() {
  return (
    <Screen title={messages.more.title} back={false}>
      {null}
    </Screen>
  );
}

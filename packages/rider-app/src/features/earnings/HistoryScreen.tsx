import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../messages';

/** Every delivery the rider has made, newest first. */
export function HistoryScreen() {
  return (
    <Screen title={messages.history.title} back={false}>
      {null}
    </Screen>
  );
}

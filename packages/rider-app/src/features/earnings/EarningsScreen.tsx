import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../messages';

/** What the rider earned today and this week, and the cash they collected and still hold. */
export function EarningsScreen() {
  return (
    <Screen title={messages.earnings.title} back={false}>
      {null}
    </Screen>
  );
}

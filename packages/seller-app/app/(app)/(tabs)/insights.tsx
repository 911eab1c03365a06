import { Screen } from '@kupwara/shared/ui';
import { messages } from '../../../src/messages';

/** The insights tab (built by the insights part of the app). */
export default function InsightsTab() {
  return (
    <Screen title={messages.insights.title} back={false}>
      {null}
    </Screen>
  );
}

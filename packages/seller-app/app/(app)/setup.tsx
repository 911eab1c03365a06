import { Screen } from '@kupwara/shared/ui';
import { Text } from 'react-native';
import { messages } from '../../src/messages';

/** A new seller sets up their shop here before anything else (the shop slice builds the form). */
export default function Setup() {
  return (
    <Screen title={messages.shop.setupTitle} back={false}>
      <Text>{messages.shop.setupTitle}</Text>
    </Screen>
  );
}

import { WelcomeScreen } from '@kupwara/shared/ui';

export default function CustomerHome() {
  return (
    <WelcomeScreen
      testID="customer-home"
      subtitle="Shops in your town, delivered"
      heading="Shops near you in Kupwara"
      body="Order groceries, medicines and everyday things from the shops around you. A rider from your town brings them to your door."
      action={{ title: 'Find shops near me', testID: 'customer-find-shops' }}
      unavailableNote="Finding shops is not open yet. It comes in the next update of this app."
    />
  );
}

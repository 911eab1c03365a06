import { WelcomeScreen } from '@kupwara/shared/ui';

export default function SellerHome() {
  return (
    <WelcomeScreen
      testID="seller-home"
      subtitle="For shop owners"
      heading="Your shop"
      body="Take orders from customers nearby, keep your stock up to date and hand each order to a local rider."
      action={{ title: 'Sign in to your shop', testID: 'seller-sign-in' }}
      unavailableNote="Shop sign-in is not open yet. It comes in the next update of this app."
    />
  );
}

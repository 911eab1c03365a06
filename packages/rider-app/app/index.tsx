import { WelcomeScreen } from '@kupwara/shared/ui';

export default function RiderHome() {
  return (
    <WelcomeScreen
      testID="rider-home"
      subtitle="For delivery riders"
      heading="Ready to ride?"
      body="Go online when you are free to deliver. You get orders from shops near you and the route to each customer."
      action={{ title: 'Go online', testID: 'rider-go-online' }}
      unavailableNote="Going online is not open yet. It comes in the next update of this app."
    />
  );
}

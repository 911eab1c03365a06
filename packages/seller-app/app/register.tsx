import { AuthForm } from '@kupwara/shared/app';
import { messages } from '../src/messages';

export default function Register() {
  return <AuthForm mode="register" accountRole="seller" words={messages.auth} />;
}

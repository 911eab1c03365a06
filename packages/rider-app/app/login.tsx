import { AuthForm } from '@kupwara/shared/app';
import { messages } from '../src/messages';

export default function Login() {
  return <AuthForm mode="login" accountRole="rider" words={messages.auth} />;
}

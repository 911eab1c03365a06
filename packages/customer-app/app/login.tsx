import { AuthForm } from '../src/AuthForm';

export default function Login() {
  return <AuthForm mode="login" />;
}

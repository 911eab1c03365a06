import { AuthForm } from '../src/AuthForm';

export default function Register() {
  return <AuthForm mode="register" />;
}

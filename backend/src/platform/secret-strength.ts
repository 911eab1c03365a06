/**
 * Why a secret must not be used in production, or undefined when it may: too short, too few
 * distinct characters (`kkkk…`, `1234…`), or a placeholder copied from docs, tests or examples.
 */
export function weakSecret(value: string, minLength: number): string | undefined {
  if (value.length < minLength) return `must be at least ${minLength} characters`;
  if (new Set(value).size < 10) return 'is too easy to guess (too few different characters)';
  const lower = value.toLowerCase();
  const placeholder = placeholders.find((word) => lower.includes(word));
  if (placeholder) return `looks like an example value (it contains "${placeholder}")`;
  return undefined;
}

// Words of the values docs, examples and tests use; a random secret of this length never holds one.
const placeholders = [
  'example',
  'changeme',
  'change-me',
  'change_me',
  'secret',
  'password',
  'placeholder',
  'default',
  'kupwara',
  'razorpay',
  'msg91',
  'your-',
  'your_',
  'xxxxxx',
  '123456',
  'abcdef',
];

import { useLocalSearchParams } from 'expo-router';
import { ProductEditor } from '../../../src/features/inventory/ProductEditor';

/** One product's editor; `/products/new` adds one. */
export default function ProductScreen() {
  const { id = 'new' } = useLocalSearchParams<{ id: string }>();
  return <ProductEditor id={id} />;
}

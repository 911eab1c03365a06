import type { Product } from '@kupwara/shared';
import { categoriesById, useCategories } from '@kupwara/shared/app';
import {
  Button,
  Card,
  Chip,
  ChipRow,
  EmptyState,
  Input,
  Screen,
  Sheet,
  Skeleton,
  spacing,
  typeScale,
  useTheme,
} from '@kupwara/shared/ui';
import { FlashList } from '@shopify/flash-list';
import { router } from 'expo-router';
import { useCallback, useMemo, useState } from 'react';
import { StyleSheet, Text, useWindowDimensions, View } from 'react-native';
import { messages } from '../../messages';
import { ConflictCard } from './ConflictCard';
import { filterProducts, shelvesOf } from './filter-products';
import { allProducts, useInventory } from './inventory-queries';
import { ProductRow } from './ProductRow';
import { useProductEdits } from './use-product-edits';

const words = messages.inventory;

/** Two columns from 768 px wide: a tablet or a laptop at the counter. */
export const TWO_COLUMNS_FROM = 768;

/** The Inventory tab: every product of the shop, searchable, by shelf, each changed in one tap. */
export function InventoryScreen() {
  const { colors } = useTheme();
  const { width } = useWindowDimensions();
  const inventory = useInventory();
  const tree = useCategories();
  const names = useMemo(() => categoriesById(tree.data), [tree.data]);
  const server = useMemo(() => allProducts(inventory.data), [inventory.data]);
  const edits = useProductEdits(server);
  const [search, setSearch] = useState('');
  const [shelf, setShelf] = useState<string>();
  const [counting, setCounting] = useState<Product>();
  const shelves = useMemo(() => shelvesOf(edits.products, names), [edits.products, names]);
  const shown = useMemo(() => filterProducts(edits.products, search, shelf), [edits.products, search, shelf]);
  const categoryName = (id: string | null) => (id ? (names.get(id)?.name ?? words.noCategory) : words.noCategory);
  const { edit } = edits;
  const onOpen = useCallback((product: Product) => router.push(`/products/${product.id}`), []);
  const onEdit = useCallback(
    (product: Product, changes: { is_available?: boolean; stock?: number }) => void edit(product, changes),
    [edit],
  );
  const columns = width >= TWO_COLUMNS_FROM ? 2 : 1;

  const header =
    edits.conflicts.length === 0 && edits.failed.length === 0 ? null : (
      <View style={styles.header}>
        {edits.failed.map((failure) => (
          <Card key={failure.actionId}>
            <View style={styles.failed}>
              <Text style={[typeScale.label, { color: colors.text }]}>{words.notSaved(failure.name)}</Text>
              <Text style={[typeScale.body, { color: colors.danger }]}>{failure.message}</Text>
              <View style={styles.failedActions}>
                <Button title={words.retry} variant="secondary" onPress={() => void edits.retry(failure.actionId)} />
                <Button
                  title={words.discard}
                  variant="secondary"
                  onPress={() => void edits.discard(failure.actionId)}
                />
              </View>
            </View>
          </Card>
        ))}
        {edits.conflicts.map((conflict) => (
          <ConflictCard
            key={conflict.actionId}
            conflict={conflict}
            categoryName={categoryName}
            onApplyMine={(c) => void edits.applyMine(c)}
            onKeepTheirs={(c) => void edits.keepTheirs(c)}
          />
        ))}
      </View>
    );

  return (
    <Screen
      title={words.title}
      back={false}
      right={<Button title={words.add} variant="secondary" onPress={() => router.push('/products/new')} />}
    >
      <View style={styles.search}>
        <Input
          label={words.search}
          value={search}
          onChangeText={setSearch}
          placeholder={words.searchHint}
          autoCorrect={false}
          returnKeyType="search"
        />
      </View>
      {shelves.length > 0 ? (
        <ChipRow testID="inventory-chips" inset={spacing.md} style={styles.chips}>
          {[{ id: undefined, name: words.all }, ...shelves].map((s) => (
            <Chip key={s.id ?? 'all'} label={s.name} selected={shelf === s.id} onPress={() => setShelf(s.id)} />
          ))}
        </ChipRow>
      ) : null}
      {inventory.isPending ? (
        <Skeleton lines={6} height={72} />
      ) : inventory.isError && server.length === 0 ? (
        <EmptyState
          title={words.failed}
          message={inventory.error.message}
          action={{ title: words.retry, onPress: () => void inventory.refetch() }}
        />
      ) : (
        <FlashList
          key={columns}
          data={shown}
          numColumns={columns}
          keyExtractor={(product) => product.id}
          extraData={edits.pending}
          ListHeaderComponent={header}
          ListEmptyComponent={
            <EmptyState
              title={server.length === 0 ? words.empty : words.noMatch}
              message={server.length === 0 ? words.emptyHint : words.noMatchHint}
              action={
                server.length === 0 ? { title: words.add, onPress: () => router.push('/products/new') } : undefined
              }
            />
          }
          ListFooterComponent={
            inventory.hasNextPage ? (
              <Text style={[typeScale.caption, styles.more, { color: colors.textMuted }]}>{words.loadingMore}</Text>
            ) : null
          }
          renderItem={({ item }) => (
            <ProductRow
              product={item}
              pending={edits.pending.has(item.id)}
              onOpen={onOpen}
              onEdit={onEdit}
              onCount={setCounting}
            />
          )}
        />
      )}
      <StockSheet product={counting} onClose={() => setCounting(undefined)} onSave={onEdit} />
    </Screen>
  );
}

/** The count typed in, for a delivery that came in or a shelf just counted. */
function StockSheet({
  product,
  onClose,
  onSave,
}: {
  product: Product | undefined;
  onClose: () => void;
  onSave: (product: Product, changes: { stock: number }) => void;
}) {
  const [text, setText] = useState('');
  const [shownFor, setShownFor] = useState<string>();
  if (product && shownFor !== product.id) {
    setShownFor(product.id);
    setText(String(product.stock));
  }
  const count = Number(text);
  const valid = /^\d{1,7}$/.test(text) && count <= 1_000_000;
  const save = () => {
    if (!product || !valid) return;
    onSave(product, { stock: count });
    setShownFor(undefined);
    onClose();
  };
  return (
    <Sheet
      visible={Boolean(product)}
      title={product ? words.countTitle(product.name) : ''}
      onClose={() => {
        setShownFor(undefined);
        onClose();
      }}
    >
      <Input
        label={words.stock}
        value={text}
        onChangeText={setText}
        keyboardType="number-pad"
        error={text && !valid ? words.badCount : undefined}
        onSubmitEditing={save}
        autoFocus
        selectTextOnFocus
      />
      <Button title={words.save} disabled={!valid} onPress={save} />
    </Sheet>
  );
}

const styles = StyleSheet.create({
  search: { paddingHorizontal: spacing.md, paddingTop: spacing.sm },
  chips: { marginVertical: spacing.sm },
  // A card of readable width on a laptop, not a banner across the counter's screen.
  header: { gap: spacing.md, padding: spacing.md, paddingBottom: 0, width: '100%', maxWidth: 720 },
  more: { textAlign: 'center', padding: spacing.md },
  failed: { gap: spacing.xs },
  failedActions: { flexDirection: 'row', gap: spacing.sm },
});

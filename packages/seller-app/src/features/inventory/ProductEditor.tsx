import type { Product } from '@kupwara/shared';
import { useCategories, useOnline, useServices } from '@kupwara/shared/app';
import { ApiError } from '@kupwara/shared/client';
import {
  Button,
  Chip,
  ChipRow,
  EmptyState,
  Input,
  radius,
  Screen,
  spacing,
  typeScale,
  useTheme,
  useToast,
} from '@kupwara/shared/ui';
import { useQueryClient } from '@tanstack/react-query';
import { Image } from 'expo-image';
import { router } from 'expo-router';
import { useMemo, useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { messages } from '../../messages';
import { allProducts, showServerProduct, useInventory } from './inventory-queries';
import { InStockSwitch, Toggle } from './ProductRow';
import { pickPhoto } from './pick-photo';
import { changesOf, type FormErrors, formOf, type ProductForm, readForm } from './product-form';
import { useProductEdits } from './use-product-edits';

const words = messages.inventory.editor;

/** Add a product (`id` "new": online, it needs the server's id for its photos) or edit one (queued, offline too). */
export function ProductEditor({ id }: { id: string }) {
  const inventory = useInventory();
  const creating = id === 'new';
  // From the cached list (it opens at once, offline too), following it as the server's answers come.
  const server = creating ? undefined : allProducts(inventory.data).find((p) => p.id === id);
  const edits = useProductEdits(server ? [server] : []);
  const product = edits.products[0];
  if (!creating && !product) {
    return (
      <Screen title={words.editTitle}>
        {inventory.isPending ? null : (
          <EmptyState title={words.notFound} message="" action={{ title: words.back, onPress: () => router.back() }} />
        )}
      </Screen>
    );
  }
  // Keyed by the product, so the form starts again from the server's version after a conflict.
  return <EditorForm key={product?.id ?? 'new'} product={product} />;
}

function EditorForm({ product }: { product: Product | undefined }) {
  const { colors } = useTheme();
  const { api, connectivity, queue } = useServices();
  const online = useOnline(connectivity);
  const queryClient = useQueryClient();
  const toast = useToast();
  const tree = useCategories();
  // The product's own shelf first, so the chosen chip is in sight.
  const shelves = useMemo(() => {
    const all = (tree.data?.items ?? []).flatMap((node) => node.children);
    const own = all.filter((shelf) => shelf.id === product?.category_id);
    return [...own, ...all.filter((shelf) => shelf.id !== product?.category_id)];
  }, [tree.data, product?.category_id]);
  const [form, setForm] = useState<ProductForm>(() => formOf(product));
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [upload, setUpload] = useState<number>();
  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  async function save() {
    const read = readForm(form, messages.inventory.editor.errors);
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    if (product) {
      const changes = changesOf(product, read.value);
      if (Object.keys(changes).length > 0)
        await queue.enqueue('editProduct', `product:${product.id}`, { product, changes });
      return router.back();
    }
    setSaving(true);
    try {
      const created = await api.call('createProduct', { body: read.value });
      showServerProduct(queryClient, created);
      toast.show(words.created(created.name), { tone: 'success' });
      router.replace(`/products/${created.id}`);
    } catch (error) {
      toast.show(error instanceof Error ? error.message : String(error), { tone: 'danger' });
    } finally {
      setSaving(false);
    }
  }

  async function addPhoto(from: 'camera' | 'gallery') {
    if (!product) return;
    const body = await pickPhoto(from);
    if (!body) return;
    setUpload(0);
    try {
      const updated = await api.call('uploadProductImage', {
        params: { id: product.id },
        body,
        onUploadProgress: setUpload,
      });
      showServerProduct(queryClient, updated);
    } catch (error) {
      toast.show(error instanceof ApiError ? error.message : words.uploadFailed, { tone: 'danger' });
    } finally {
      setUpload(undefined);
    }
  }

  const field = (key: 'name' | 'unit' | 'price' | 'mrp' | 'stock', numeric = false) => (
    <Input
      label={words.fields[key]}
      value={form[key]}
      onChangeText={(text) => set(key, text)}
      error={errors[key]}
      keyboardType={numeric ? (key === 'stock' ? 'number-pad' : 'decimal-pad') : 'default'}
      placeholder={key === 'unit' ? words.unitHint : key === 'mrp' ? words.mrpHint : undefined}
    />
  );

  return (
    <Screen title={product ? words.editTitle : words.newTitle}>
      <ScrollView contentContainerStyle={styles.body} keyboardShouldPersistTaps="handled">
        <View style={styles.form}>
          {field('name')}
          <Text style={[typeScale.label, { color: colors.text }]}>{words.fields.category}</Text>
          <ChipRow testID="category-chips">
            {[{ id: null, name: words.noCategory }, ...shelves].map((shelf) => (
              <Chip
                key={shelf.id ?? 'none'}
                label={shelf.name}
                selected={form.category_id === shelf.id}
                onPress={() => set('category_id', shelf.id)}
              />
            ))}
          </ChipRow>
          <View style={styles.pair}>
            <View style={styles.half}>{field('price', true)}</View>
            <View style={styles.half}>{field('mrp', true)}</View>
          </View>
          <View style={styles.pair}>
            <View style={styles.half}>{field('unit')}</View>
            <View style={styles.half}>{field('stock', true)}</View>
          </View>
          <View style={styles.switches}>
            <InStockSwitch
              name={form.name || words.thisProduct}
              value={form.is_available}
              onChange={(v) => set('is_available', v)}
            />
            <Toggle
              label={words.visibleLabel}
              value={form.is_visible}
              on={words.visible}
              off={words.hiddenFromCustomers}
              onChange={(v) => set('is_visible', v)}
            />
          </View>
          <Button
            title={product ? words.save : words.create}
            loading={saving}
            disabled={!product && !online}
            onPress={() => void save()}
          />
          {!product && !online ? (
            <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.createOffline}</Text>
          ) : null}
        </View>
        {product ? (
          <View style={styles.form}>
            <Text accessibilityRole="header" style={[typeScale.label, { color: colors.text }]}>
              {words.photos}
            </Text>
            <View style={styles.photos}>
              {product.images.length === 0 ? (
                <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.noPhotos}</Text>
              ) : (
                product.images.map((image) => {
                  const small = [...image.variants].sort((a, b) => a.width - b.width).find((v) => v.width >= 160);
                  return (
                    <Image
                      key={image.id}
                      source={{ uri: (small ?? image.variants.at(-1))?.url ?? image.src }}
                      style={styles.photo}
                      accessibilityLabel={words.photoOf(product.name)}
                    />
                  );
                })
              )}
            </View>
            {upload !== undefined ? (
              <View
                accessibilityRole="progressbar"
                accessibilityLabel={words.uploading}
                accessibilityValue={{ min: 0, max: 100, now: Math.round(upload * 100) }}
                style={styles.progress}
              >
                <Text style={[typeScale.caption, { color: colors.text }]}>
                  {`${words.uploading} ${Math.round(upload * 100)} %`}
                </Text>
                <View style={[styles.bar, { backgroundColor: colors.border }]}>
                  <View style={[styles.fill, { width: `${upload * 100}%`, backgroundColor: colors.primary }]} />
                </View>
              </View>
            ) : null}
            <View style={styles.pair}>
              <Button
                style={styles.half}
                variant="secondary"
                title={words.camera}
                disabled={!online || upload !== undefined}
                onPress={() => void addPhoto('camera')}
              />
              <Button
                style={styles.half}
                variant="secondary"
                title={words.gallery}
                disabled={!online || upload !== undefined}
                onPress={() => void addPhoto('gallery')}
              />
            </View>
            {!online ? (
              <Text style={[typeScale.caption, { color: colors.textMuted }]}>{words.photosOffline}</Text>
            ) : null}
          </View>
        ) : null}
      </ScrollView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  body: { padding: spacing.md, gap: spacing.lg, flexDirection: 'row', flexWrap: 'wrap' },
  form: { gap: spacing.sm, flexGrow: 1, flexBasis: 320, maxWidth: 560 },
  pair: { flexDirection: 'row', gap: spacing.sm },
  half: { flex: 1 },
  switches: { flexDirection: 'row', alignItems: 'center', gap: spacing.md },
  photos: { flexDirection: 'row', flexWrap: 'wrap', gap: spacing.sm },
  photo: { width: 96, height: 96, borderRadius: radius.sm },
  progress: { gap: spacing.xs },
  bar: { height: 8, borderRadius: radius.pill, overflow: 'hidden' },
  fill: { height: 8 },
});
